/** The resolved spec of a `type: prometheus` source. */
import type { SourceSpecBase } from '../../spec-model.js';

export interface PrometheusSourceSpec extends SourceSpecBase {
  type: 'prometheus';
  url: string;
  headers: Record<string, string>;
  auth?: { bearer: string } | { username: string; password: string };
  /** Total deadline per request, seconds. */
  timeout: number;
  /** Attempts after the first, for retryable failures only. */
  retries: number;
  /** TLS for https:// URLs: `ca` is a PEM file path (resolved against the spec file's folder). */
  tls?: { ca?: string; serverName?: string };
}
