/**
 * deploy.detect against a real Prometheus scraping a loopback target every second: the target's
 * `app_build_info{version}` changes (a deploy of a new version) and its
 * `process_start_time_seconds` jumps (a restart); `--deployed-at detect` finds each, a query that
 * finds nothing is exit 2 naming it, `backtest --deploys` replays the deploy found, and a plain
 * backtest leaves out the moments whose windows hold it.
 */
import { createServer, type Server } from 'node:http';
import { describeRun, runCli } from './harness/run-cli.js';
import { startScrapingPrometheus, type ScrapingPrometheus } from './harness/scraping-prometheus.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
let server: Server;
let prometheus: ScrapingPrometheus;
const state = { version: '1.0', startedAt: Math.floor(Date.now() / 1000) - 3600 };
let versionChangedAt = 0;
let restartedAt = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spec(query: string): string {
  return specs.write(
    `detect-${Buffer.from(query).toString('hex').slice(0, 24)}.yaml`,
    `version: 1
name: detect
deploy:
  warmup: 0s
  detect:
    source: prom
    query: '${query}'
    within: 2m
    settle: 3s
baseline: { window: 10s }
post: { window: 4s }
sources:
  prom:
    type: prometheus
    url: \${PROMETHEUS_URL}
checks:
  - name: scrapes up
    source: prom
    query: sum(up{job="app"})
    direction: decrease
    step: 1s
    minSamples: 3
`,
  );
}

/** History backfilled before Prometheus starts, as scrapes every second of version 1.0 would have stored it: 12 s, so the 10s baseline has scrapes at both ends. */
const HISTORY_SECONDS = 12;
/** Live scrapes of version 1.0 after it, before the version changes. */
const HISTORY_LIVE_MS = 3_000;

/** The series a scrape every second stores for the target, from HISTORY_SECONDS before `now`, as OpenMetrics. */
function history(target: string, now: number): string {
  const labels = `job="app",instance="${target}"`;
  const families: [string, string, number][] = [
    ['app_build_info', `{${labels},version="${state.version}"}`, 1],
    ['process_start_time_seconds', `{${labels}}`, state.startedAt],
    ['up', `{${labels}}`, 1],
  ];
  const lines: string[] = [];
  for (const [name, series, value] of families) {
    lines.push(`# TYPE ${name} gauge`);
    for (let t = now - HISTORY_SECONDS; t < now; t++) lines.push(`${name}${series} ${value} ${t}`);
  }
  return [...lines, '# EOF', ''].join('\n');
}

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(`app_build_info{version="${state.version}"} 1\nprocess_start_time_seconds ${state.startedAt}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const target = `127.0.0.1:${port}`;
  prometheus = await startScrapingPrometheus([{ job: 'app', target }], history(target, Math.floor(Date.now() / 1000)));
  // History before the deploy (backfilled, then a few live scrapes), then a new version, then
  // (apart by more than `settle`) a restart.
  await sleep(HISTORY_LIVE_MS);
  state.version = '1.1';
  versionChangedAt = Date.now() / 1000;
  await sleep(8_000);
  restartedAt = Math.floor(Date.now() / 1000);
  state.startedAt = restartedAt;
  // The post windows (4s) of both have ended, with scrapes of the restart in them.
  await sleep(7_000);
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => server.close(resolve));
  specs.remove();
});

interface DetectReport {
  deployedAt: string;
  detected?: { how: string; source: string; query: string; at: string; detail: string };
}

const seconds = (rfc3339: string) => Date.parse(rfc3339) / 1000;

test('a version label change: --deployed-at detect finds when the new version appeared', async () => {
  const result = await runCli(
    ['run', spec('max by (version) (app_build_info{job="app"})'), '--deployed-at', 'detect', '--format', 'json'],
    { PROMETHEUS_URL: prometheus.url },
  );
  expect([0, 1, 3]).toContain(result.code);
  const report = JSON.parse(result.stdout) as DetectReport;
  expect(report.detected?.how).toBe('version');
  expect(report.detected?.detail).toContain('version="1.1"} appeared');
  // Scraped every second, read at a 1s step: the deploy time lands within a few seconds of the change.
  expect(Math.abs(seconds(report.deployedAt) - versionChangedAt)).toBeLessThanOrEqual(4);
  expect(result.stderr).toContain('deploy time detected on prom');
});

test('a restart: the jump of process_start_time_seconds gives the restart time itself', async () => {
  const result = await runCli(
    ['run', spec('process_start_time_seconds{job="app"}'), '--deployed-at', 'detect', '--format', 'json'],
    { PROMETHEUS_URL: prometheus.url },
  );
  expect([0, 1, 3]).toContain(result.code);
  const report = JSON.parse(result.stdout) as DetectReport;
  expect(report.detected?.how).toBe('restart');
  expect(seconds(report.deployedAt)).toBe(restartedAt);
});

test('detection that finds nothing is a spec-level error naming the query (exit 2), never a guess', async () => {
  const result = await runCli(
    ['run', spec('max by (version) (app_build_info{job="nothing"})'), '--deployed-at', 'detect'],
    { PROMETHEUS_URL: prometheus.url },
  );
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('deploy.detect found no deploy in the last 2m');
  expect(result.stderr).toContain('app_build_info{job="nothing"}');
  expect(result.stdout).toBe('');
});

test('backtest --deploys replays the gate at the deploy found; a plain backtest leaves out the moments near it', async () => {
  const versionSpec = spec('max by (version) (app_build_info{job="app"})');
  const deploys = await runCli(['backtest', versionSpec, '--deploys', '--from', '-2m'], {
    PROMETHEUS_URL: prometheus.url,
  });
  // 11 + 4 one-second points are too short to tell wandering from a shift: the replayed verdict
  // may be inconclusive (exit 3); what this test checks is the deploy found and replayed.
  expect([0, 3]).toContain(deploys.code);
  expect(deploys.stdout).toMatch(/your last 1 deploy: \d pass, \d fail, \d inconclusive/);
  expect(deploys.stdout).toContain('version="1.1"} appeared');

  const plain = await runCli(['backtest', versionSpec, '--from', '-24s', '--every', '2s', '--format', 'json'], {
    PROMETHEUS_URL: prometheus.url,
  });
  expect([0, 3]).toContain(plain.code);
  const report = JSON.parse(plain.stdout) as { moments: string[]; notes: string[] };
  expect(report.notes.join('\n')).toMatch(/left out \d+ of \d+ moments whose windows overlap/);
  expect(describeRun(plain)).toContain('left out');
});
