/**
 * The HTTPS agent of a Prometheus source. Certificate verification is always on: the agent says
 * `rejectUnauthorized: true` explicitly, which wins over NODE_TLS_REJECT_UNAUTHORIZED=0 in the
 * environment, and there is no option to turn it off. A private CA is loaded from the file the
 * spec names; like Node's `ca` option, it replaces the default roots for this source.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { UsageError } from '../../errors.js';
import type { PrometheusSourceSpec } from './spec.js';

/** Read the CA file (if any) and build the agent; an unreadable or non-PEM file is a UsageError. */
export function loadTlsAgent(tls: PrometheusSourceSpec['tls'], sourceName: string): Agent {
  const options: { rejectUnauthorized: true; ca?: Buffer; servername?: string } = { rejectUnauthorized: true };
  if (tls?.ca !== undefined) options.ca = loadCaFile(tls.ca, sourceName);
  if (tls?.serverName !== undefined) options.servername = tls.serverName;
  return new Agent(options);
}

function loadCaFile(path: string, sourceName: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `source "${sourceName}": cannot read the \`tls.ca\` file ${path} (${code}); check the path (relative paths start at the spec's folder)`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(
      `source "${sourceName}": the \`tls.ca\` file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  return pem;
}
