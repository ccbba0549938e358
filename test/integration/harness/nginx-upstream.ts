/**
 * The service behind the test nginx: answers real requests, 500 for a share of them and after a
 * delay that a test switches (a "deploy"), and counts what it answered on /metrics for a real
 * Prometheus, so the logs and the metrics describe the same requests.
 */
import { createServer } from 'node:http';
import { createUniform } from './prng.js';

export interface UpstreamBehaviour {
  errorShare: number;
  delayMs: number;
}

export interface Upstream {
  url: string;
  target: string;
  setBehaviour(change: Partial<UpstreamBehaviour>): void;
  stop(): Promise<void>;
}

/** Start the upstream on a free loopback port; the caller must call stop(). */
export async function startUpstream(seed: number, behaviour: UpstreamBehaviour): Promise<Upstream> {
  let now = { ...behaviour };
  const uniform = createUniform(seed);
  const counts = { ok: 0, errors: 0 };
  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      response.end(
        [
          '# TYPE http_requests_total counter',
          `http_requests_total{code="200"} ${counts.ok}`,
          `http_requests_total{code="500"} ${counts.errors}`,
          '',
        ].join('\n'),
      );
      return;
    }
    const fail = uniform() < now.errorShare;
    setTimeout(() => {
      if (fail) counts.errors++;
      else counts.ok++;
      response.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' });
      response.end(fail ? 'error\n' : 'ok\n');
    }, now.delayMs);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('the upstream got no port'));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    setBehaviour: (change) => {
      now = { ...now, ...change };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Send about `perSecond` requests a second to `url` (paths with ids, for `by`) until stop(). */
export function sendTraffic(url: string, perSecond: number): { stop(): Promise<void> } {
  let running = true;
  let sent = 0;
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - startedAt) / 1000) * perSecond);
    for (; running && sent < due; sent++) {
      const path = sent % 3 === 0 ? `/api/users/${sent}` : '/api/orders';
      const request = fetch(`${url}${path}`)
        .then((r) => r.arrayBuffer())
        .then(
          () => undefined,
          () => undefined,
        );
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
  }, 20);
  return {
    stop: async () => {
      running = false;
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}
