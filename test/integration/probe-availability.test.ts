/**
 * An HTTP availability check with the defaults, through the built CLI against a real service on
 * 127.0.0.1 that fails a steady share of its requests (every 100th, then every 5th). Only the
 * interval is shortened (5ms instead of 1s) so the test takes seconds: it changes how long the
 * sampling takes, not what the samples can decide. A healthy service with a small steady failure
 * rate must pass with the default samples; failures reaching 20% must fail.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectExit } from './harness/expect-exit.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir, type SpecDir } from './harness/temp-specs.js';

/** A service whose every `failEvery`-th request answers 503. */
interface Service {
  url: string;
  failEvery: (n: number) => void;
  close: () => Promise<void>;
}

async function startService(): Promise<Service> {
  let every = 100;
  let index = 0;
  const server: Server = createServer((_req, res) => {
    index++;
    res.writeHead(index % every === 0 ? 503 : 200, { 'Content-Type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failEvery: (n) => {
      every = n;
      index = 0;
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const spec = (url: string): string => `version: 1
name: availability with the defaults
sources:
  app:
    type: http
    url: ${url}/healthz
    interval: 5ms
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
`;

describe('an HTTP availability check with the default samples', () => {
  let service: Service;
  let dir: SpecDir;
  let file: string;
  beforeAll(async () => {
    service = await startService();
    dir = createSpecDir();
    file = dir.write('spec.yaml', spec(service.url));
  });
  afterAll(async () => {
    await service.close();
    dir.remove();
  });

  async function snapshotThenRun(failEveryAfter: number): Promise<ReturnType<typeof parseReport>> {
    const base = file.replace('spec.yaml', `base-${failEveryAfter}.json`);
    service.failEvery(100);
    expectExit(await runCli(['snapshot', file, '--out', base]), 0);
    service.failEvery(failEveryAfter);
    const run = await runCli(['run', file, '--baseline-from', base, '--format', 'json']);
    const report = parseReport(run);
    expect(run.code).toBe(report.exitCode);
    return report;
  }

  it('passes a service failing a steady 1% of requests before and after', async () => {
    const report = await snapshotThenRun(100);
    expect(report.checks[0]).toMatchObject({ verdict: 'pass', reason: expect.stringMatching(/within the allowed/) });
    expect(report.exitCode).toBe(0);
  }, 60_000);

  it('fails when failures reach 20%', async () => {
    const report = await snapshotThenRun(5);
    expect(report.checks[0]?.verdict).toBe('fail');
    expect(report.exitCode).toBe(1);
  }, 60_000);

  it('validate and --dry-run say what the planned samples decide; --dry-run needs no snapshot', async () => {
    const validate = await runCli(['validate', file]);
    expectExit(validate, 0);
    expect(validate.stdout).toMatch(
      /check availability: against a baseline failing 1% \(2 of 200\) it passes with up to \d+ of 200/,
    );
    const dry = await runCli(['run', file, '--dry-run']);
    expectExit(dry, 0);
    expect(dry.stdout).toContain('200 probes, one every 5ms, of http://127.0.0.1:');
    expect(dry.stdout).toMatch(/baseline from a snapshot not taken yet/);
    expect(dry.stdout).toMatch(/fails from \d+ of 200/);
  });
});
