/**
 * Sources without history through the built CLI, against real HTTP servers on 127.0.0.1: a
 * snapshot before the "deploy", `run --baseline-from` after it, and blue/green side by side.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectExit } from './harness/expect-exit.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir, type SpecDir } from './harness/temp-specs.js';

/** An app whose behaviour the test changes between snapshot and run, as a deploy would. */
interface App {
  url: string;
  behave: (handler: (res: ServerResponse, index: number) => void) => void;
  close: () => Promise<void>;
}

async function startApp(): Promise<App> {
  let handler: (res: ServerResponse, index: number) => void = (res) =>
    void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"UP"}');
  let index = 0;
  const server: Server = createServer((_req, res) => handler(res, index++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    behave: (next) => {
      handler = next;
      index = 0;
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const json =
  (status: number, body: unknown, delayMs = 0) =>
  (res: ServerResponse) =>
    setTimeout(() => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)), delayMs);

function spec(url: string, checks: string, extra = ''): string {
  return `version: 1
name: probe test
sources:
  app:
    type: http
    url: ${url}/healthz
    condition: $.status == "UP"
    samples: 20
    interval: 10ms
    timeout: 2s
${extra}checks:
${checks}`;
}

const LATENCY = `  - name: latency
    source: app
    measure: latency
    direction: increase
    tolerance: 50%
`;
const SUCCESS = `  - name: availability
    source: app
    measure: success
    direction: increase
`;

describe('http probes with a snapshot baseline', () => {
  let app: App;
  let dir: SpecDir;
  beforeAll(async () => {
    app = await startApp();
    dir = createSpecDir();
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  async function snapshotThenRun(
    checks: string,
    after: (res: ServerResponse, index: number) => void,
  ): Promise<ReturnType<typeof parseReport>> {
    const file = dir.write('spec.yaml', spec(app.url, checks));
    const base = file.replace('spec.yaml', 'base.json');
    app.behave(json(200, { status: 'UP' }, 5));
    const snapshot = await runCli(['snapshot', file, '--out', base]);
    expectExit(snapshot, 0);
    expect(snapshot.stdout).toContain('app: 20 samples, 0 failed');
    app.behave(after);
    const run = await runCli(['run', file, '--baseline-from', base, '--format', 'json']);
    const report = parseReport(run);
    expect(run.code).toBe(report.exitCode);
    return report;
  }

  it('passes a healthy deploy: same latency as the snapshot', async () => {
    const report = await snapshotThenRun(LATENCY, json(200, { status: 'UP' }, 5));
    expect(report.checks.map((c) => [c.name, c.verdict])).toEqual([['latency', 'pass']]);
    expect(report.exitCode).toBe(0);
  });

  it('fails a latency regression', async () => {
    const report = await snapshotThenRun(LATENCY, json(200, { status: 'UP' }, 60));
    expect(report.checks[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/beyond tolerance 50%/) });
    expect(report.exitCode).toBe(1);
  });

  it('fails a health endpoint that answers 503 (a proportion: 20 of 20 probes failed)', async () => {
    const report = await snapshotThenRun(SUCCESS, json(503, { status: 'DOWN' }));
    expect(report.checks[0]).toMatchObject({
      verdict: 'fail',
      series: [expect.objectContaining({ test: 'binomial' })],
    });
  });

  it('fails a flapping health endpoint: every other probe fails', async () => {
    const report = await snapshotThenRun(SUCCESS, (res, i) => json(i % 2 === 0 ? 200 : 500, { status: 'UP' })(res));
    expect(report.checks[0]?.verdict).toBe('fail');
    expect(JSON.stringify(report)).toContain('status 500: 10');
  });

  it('fails on the JSON condition: 200 with {"status":"DOWN"} is not success', async () => {
    const report = await snapshotThenRun(SUCCESS, json(200, { status: 'DOWN' }));
    expect(report.checks[0]?.verdict).toBe('fail');
    expect(JSON.stringify(report)).toContain('condition $.status == \\"UP\\" is false: 20');
  });

  it('refuses a snapshot taken from another spec, naming both hashes (exit 2)', async () => {
    const file = dir.write('a.yaml', spec(app.url, LATENCY));
    const base = file.replace('a.yaml', 'a.json');
    expectExit(await runCli(['snapshot', file, '--out', base]), 0);
    const other = dir.write('b.yaml', spec(`${app.url}/v2`, LATENCY));
    const run = await runCli(['run', other, '--baseline-from', base]);
    expectExit(run, 2);
    expect(run.stderr).toMatch(
      /taken from another spec \("probe test"\): its hash is sha256:[0-9a-f]{12}, this spec's is sha256:[0-9a-f]{12}/,
    );
  });

  it('refuses a snapshot taken after the deploy, naming the file and both times (exit 2)', async () => {
    const file = dir.write('late.yaml', spec(app.url, LATENCY));
    const base = file.replace('late.yaml', 'late.json');
    const deployedAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expectExit(await runCli(['snapshot', file, '--out', base]), 0);
    const run = await runCli(['run', file, '--baseline-from', base, '--deployed-at', deployedAt]);
    expectExit(run, 2);
    expect(run.stderr).toContain(`the snapshot ${base} holds samples up to `);
    expect(run.stderr).toContain(`after the deploy at ${deployedAt}: a baseline must be sampled before the deploy`);
  });

  it('refuses a snapshot dated in the future, naming the file (exit 2)', async () => {
    const file = dir.write('future.yaml', spec(app.url, LATENCY));
    const base = file.replace('future.yaml', 'future.json');
    expectExit(await runCli(['snapshot', file, '--out', base]), 0);
    const hour = 3600;
    const snapshot = JSON.parse(readFileSync(base, 'utf8')) as {
      takenAt: string;
      sources: Record<
        string,
        { startedAt: number; endedAt: number; measures: Record<string, { points: [number, unknown][] }[]> }
      >;
    };
    snapshot.takenAt = new Date(Date.parse(snapshot.takenAt) + hour * 1000).toISOString();
    for (const source of Object.values(snapshot.sources)) {
      source.startedAt += hour;
      source.endedAt += hour;
      for (const series of Object.values(source.measures).flat()) for (const point of series.points) point[0] += hour;
    }
    writeFileSync(base, JSON.stringify(snapshot));
    const run = await runCli(['run', file, '--baseline-from', base]);
    expectExit(run, 2);
    expect(run.stderr).toMatch(
      new RegExp(
        `the snapshot ${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds samples up to \\S+, in the future \\(now \\S+\\)`,
      ),
    );
  });

  it('refuses a run without any baseline for a source that keeps no history (exit 2)', async () => {
    const run = await runCli(['run', dir.write('c.yaml', spec(app.url, LATENCY))]);
    expectExit(run, 2);
    expect(run.stderr).toContain('verify-deploy snapshot <spec> --out base.json');
  });
});

describe('blue/green: baselineUrl sampled side by side', () => {
  let blue: App;
  let green: App;
  let dir: SpecDir;
  beforeAll(async () => {
    [blue, green] = await Promise.all([startApp(), startApp()]);
    dir = createSpecDir();
  });
  afterAll(async () => {
    await Promise.all([blue.close(), green.close()]);
    dir.remove();
  });

  const run = async (): Promise<ReturnType<typeof parseReport>> =>
    parseReport(
      await runCli([
        'run',
        dir.write('bg.yaml', spec(green.url, LATENCY, `    baselineUrl: ${blue.url}/healthz\n`)),
        '--format',
        'json',
      ]),
    );

  it('passes when the new instance is as fast as the old one', async () => {
    blue.behave(json(200, { status: 'UP' }, 5));
    green.behave(json(200, { status: 'UP' }, 5));
    expect((await run()).verdict).toBe('pass');
  });

  it('fails when the new instance is slower', async () => {
    blue.behave(json(200, { status: 'UP' }, 5));
    green.behave(json(200, { status: 'UP' }, 50));
    const report = await run();
    expect(report.verdict).toBe('fail');
    expect(report.checks[0]?.reason).toMatch(/beyond tolerance/);
  });
});
