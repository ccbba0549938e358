/**
 * An old ("blue") and a new ("green") instance of an app on 127.0.0.1, probed side by side by the
 * spec below, so the built CLI can be run end to end without a Prometheus.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessResult } from '../examples/cli.js';

export interface Instance {
  url: string;
  /** How many requests the instance has answered: 0 means nothing was fetched. */
  requests: () => number;
  close: () => Promise<void>;
}

/**
 * An app with /healthz (200, or 503 when `broken`) and a /metrics page whose request counters
 * grow by a fixed amount per scrape on two routes, so `rate ... by: [route]` judges two series.
 */
export async function startInstance(broken: boolean): Promise<Instance> {
  let scrapes = 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (req.url === '/healthz') {
      res
        .writeHead(broken ? 503 : 200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: broken ? 'DOWN' : 'UP' }));
      return;
    }
    scrapes += 1;
    const body = [
      '# TYPE http_requests_total counter',
      `http_requests_total{route="/pay"} ${scrapes * 10}`,
      `http_requests_total{route="/cart"} ${scrapes * 20}`,
      '',
    ].join('\n');
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** The spec for both instances; `probes` health probes per side (50 or more let an all-healthy run pass). */
export function spec(blue: string, green: string, probes = 12): string {
  return `version: 1
name: report schemas
sources:
  app:
    type: http
    url: ${green}/healthz
    baselineUrl: ${blue}/healthz
    samples: ${probes}
    interval: 10ms
    timeout: 2s
  metrics:
    type: scrape
    url: ${green}/metrics
    baselineUrl: ${blue}/metrics
    samples: 16
    interval: 20ms
    timeout: 2s
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
  - name: latency
    source: app
    measure: latency
    direction: increase
    tolerance: 500%
    critical: false
  - name: throughput by route
    source: metrics
    rate: http_requests_total
    by: [route]
    direction: decrease
    tolerance: 90%
`;
}

/** A blue instance, a healthy and a broken green one, and the specs that pass and fail on them. */
export interface BlueGreenFixture {
  blue: Instance;
  healthy: Instance;
  broken: Instance;
  /** A scratch folder for the suite's reports, removed after it. */
  dir: string;
  /** 60 probes a side of two healthy instances: passes. */
  passSpec: string;
  /** Against the broken instance: fails. */
  failSpec: string;
}

/** Start the instances and write the specs before the suite's tests; stop and remove them after. */
export function useBlueGreenFixture(): BlueGreenFixture {
  const fixture = {} as BlueGreenFixture;
  beforeAll(async () => {
    [fixture.blue, fixture.healthy, fixture.broken] = await Promise.all([
      startInstance(false),
      startInstance(false),
      startInstance(true),
    ]);
    fixture.dir = mkdtempSync(join(tmpdir(), 'verify-deploy-output-'));
    fixture.passSpec = join(fixture.dir, 'pass.yaml');
    fixture.failSpec = join(fixture.dir, 'fail.yaml');
    writeFileSync(fixture.passSpec, spec(fixture.blue.url, fixture.healthy.url, 60));
    writeFileSync(fixture.failSpec, spec(fixture.blue.url, fixture.broken.url));
  });
  afterAll(async () => {
    await Promise.all([fixture.blue.close(), fixture.healthy.close(), fixture.broken.close()]);
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}

/** A CLI run's code and output, for the message of a failed expectation. */
export function explainRun(run: ProcessResult): string {
  return `exit ${run.code}\nstdout:\n${run.stdout.slice(0, 3000)}\nstderr:\n${run.stderr.slice(0, 3000)}`;
}
