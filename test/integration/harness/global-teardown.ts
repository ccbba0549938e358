/** Jest globalTeardown of the integration project: stops the Prometheus that globalSetup started. */

/** Calls the stop hook globalSetup left (kill by the PID it spawned, wait, remove the temp dir). */
export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as Record<string, unknown>).__verifyDeployHarness;
  if (typeof stop === 'function') await (stop as () => Promise<void>)();
}
