/**
 * The demo's service: a real HTTP server on a free 127.0.0.1 port, instrumented with prom-client
 * as users' apps are, with /api/checkout (the work), /healthz (JSON) and /metrics (text format).
 * "Deploying" swaps the version's behaviour in place; the metrics keep counting, as the counters
 * of a rolling deploy behind one scrape target do.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Histogram, Registry } from 'prom-client';
import { writeAccessLine } from './access-log.js';
import { BEHAVIOUR, delayMs, seededRandom, type DemoVersion } from './versions.js';

export interface DemoService {
  url: string;
  deploy(version: DemoVersion): void;
  close(): Promise<void>;
}

/** Start the service on 127.0.0.1 at a port the kernel picks. */
export async function startDemoService(version: DemoVersion, accessLog?: string): Promise<DemoService> {
  const registry = new Registry();
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests handled.',
    labelNames: ['route', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Request duration.',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const random = seededRandom(42);
  let current = version;
  let handled = 0;
  const timers = new Set<NodeJS.Timeout>();

  const checkout = (res: ServerResponse, started: number): void => {
    const behaviour = BEHAVIOUR[current];
    const failed = ++handled % behaviour.errorEvery === 0;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        const code = failed ? 500 : 200;
        const seconds = (performance.now() - started) / 1000;
        requests.inc({ route: '/api/checkout', code: String(code) });
        duration.observe({ route: '/api/checkout' }, seconds);
        const body = JSON.stringify({ ok: !failed, version: current });
        res.writeHead(code, { 'Content-Type': 'application/json' }).end(body);
        if (accessLog !== undefined)
          writeAccessLine(accessLog, { path: '/api/checkout', status: code, bytes: body.length, seconds });
      },
      delayMs(behaviour.medianMs, random),
    );
    timers.add(timer);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/checkout') return checkout(res, started);
    if (path === '/healthz')
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: 'UP', version: current }));
    if (path === '/metrics') {
      void registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deploy: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
