/** Request headers for a Prometheus source, and the secret values to redact from messages. */
import type { PrometheusSourceSpec } from './spec.js';
import { isCredentialHeader } from '../../fields/credential-header.js';
import type { Endpoint } from './endpoint.js';

function basic(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** The spec's headers plus Authorization from `auth` (or from URL userinfo when `auth` is absent). */
export function buildHeaders(spec: PrometheusSourceSpec, endpoint: Endpoint): Record<string, string> {
  const headers: Record<string, string> = { ...spec.headers };
  const auth = spec.auth;
  let authorization: string | undefined;
  if (auth && 'bearer' in auth) authorization = `Bearer ${auth.bearer}`;
  else if (auth) authorization = `Basic ${basic(auth.username, auth.password)}`;
  else if (endpoint.userinfo) authorization = `Basic ${basic(endpoint.userinfo.username, endpoint.userinfo.password)}`;
  if (authorization !== undefined) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    headers['Authorization'] = authorization;
  }
  return headers;
}

/** Every credential value this source sends, in every form it could be echoed back. */
export function collectSecrets(spec: PrometheusSourceSpec, endpoint: Endpoint): string[] {
  const secrets: string[] = [];
  const auth = spec.auth;
  if (auth && 'bearer' in auth) secrets.push(auth.bearer);
  else if (auth) secrets.push(auth.password, basic(auth.username, auth.password));
  if (endpoint.userinfo) {
    secrets.push(endpoint.userinfo.password, basic(endpoint.userinfo.username, endpoint.userinfo.password));
  }
  for (const [name, value] of Object.entries(spec.headers)) if (isCredentialHeader(name)) secrets.push(value);
  return secrets.filter((s) => s.length > 0);
}
