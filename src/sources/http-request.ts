/**
 * One HTTP request of a probe or a scrape, timed from the first byte sent to the last byte read.
 * Redirects are not followed (a redirect is a status like any other), the body is capped, and
 * the timeout is a total deadline, so a slow-drip body cannot outlive it.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A failure before a complete response; `reason` is safe to print (no URL, no headers). */
export class RequestFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RequestFailure';
  }
}

export interface RequestSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Total deadline, seconds. */
  timeout: number;
  maxBytes: number;
}

export interface RequestResult {
  status: number;
  contentType: string;
  body: Buffer;
  /** Seconds from sending the request to reading the last byte. */
  seconds: number;
}

/** Keep-alive agents, so probe latency measures the app rather than TCP set-up; destroy them when done. */
export function createAgents(): { http: HttpAgent; https: HttpsAgent; destroy(): void } {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 4 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 4 });
  return { http, https, destroy: () => (http.destroy(), https.destroy()) };
}

/** Send one request; rejects with RequestFailure when no complete response arrived in time. */
export function sendRequest(
  spec: RequestSpec,
  agents: ReturnType<typeof createAgents>,
  signal: AbortSignal,
): Promise<RequestResult> {
  const url = new URL(spec.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new RequestFailure(`unsupported URL scheme ${url.protocol}`));
  const deadline = AbortSignal.timeout(spec.timeout * 1000);
  const combined = AbortSignal.any([signal, deadline]);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { 'User-Agent': 'verify-deploy', ...spec.headers };
  if (spec.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(spec.body));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const fail = (reason: string): void => reject(new RequestFailure(reason));
    const req = send(
      url,
      { method: spec.method, headers, agent: url.protocol === 'https:' ? agents.https : agents.http, signal: combined },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > spec.maxBytes) {
            res.destroy();
            fail(`response body over ${Math.round(spec.maxBytes / 1024)} KiB`);
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
            seconds: (performance.now() - started) / 1000,
          }),
        );
        res.on('error', (error) => fail(describeNetworkError(error, deadline, spec.timeout)));
      },
    );
    req.on('error', (error) => fail(describeNetworkError(error, deadline, spec.timeout)));
    req.end(spec.body);
  });
}

/** A short reason without the URL (it may carry a token) or any header. */
function describeNetworkError(error: Error, deadline: AbortSignal, timeout: number): string {
  if (deadline.aborted) return `timed out after ${timeout}s`;
  if (error.name === 'AbortError') return 'interrupted';
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'DNS lookup failed',
    EAI_AGAIN: 'DNS lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ETIMEDOUT: 'connection timed out',
    EPIPE: 'connection closed',
  };
  if (code !== undefined && code in known) return known[code] as string;
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return `TLS error (${code})`;
  return code !== undefined ? `network error (${code})` : 'network error';
}
