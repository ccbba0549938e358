/** Environment settings that weaken TLS for Node programs, named so a run report can flag them. */

/** Warnings for the run report and stderr; empty when the environment is clean. */
export function tlsEnvironmentWarnings(env: Readonly<Record<string, string | undefined>>): string[] {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED !== '0') return [];
  return [
    'NODE_TLS_REJECT_UNAUTHORIZED=0 is set in the environment: it turns TLS certificate checks off for Node programs. ' +
      "verify-deploy keeps checking its sources' certificates anyway; unset it, and use `tls.ca` for a private CA",
  ];
}
