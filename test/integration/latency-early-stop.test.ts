/**
 * A latency regression stops the run early, on fixed data: the traffic of live-service.ts (200
 * requests/s, median latency 50 ms, log-normal) as a Prometheus scraping it every second would
 * hold it, backfilled with promtool, with every request's latency doubled from the deploy on. The
 * deploy was a minute ago and the post window is 10m, so `run` waits and looks; its clock starts
 * at the data's last second (run-cli.ts `clockAt`), so the first look reads the same eleven post
 * points however late a loaded machine starts it, and the value check's normal-mixture test is
 * certain of the rise there: exit 1 with test sequential-mixture, instead of waiting out the window.
 *
 * This was a case of live-scrape.test.ts, on a 40 s baseline scraped live: 9 baseline points
 * estimate the noise and its autocorrelation loosely, so where the scrapes fell decided whether
 * the first look stopped or a run went on for minutes. Here the baseline is 5 minutes (60 points,
 * as real baselines have 60 to 120) and the data the same on every run. live-scrape.test.ts keeps
 * the live path (a count check stopping early on live scrapes, and the control).
 */
import { startBackfilledPrometheus, type BackfilledPrometheus } from './harness/backfilled-prometheus.js';
import { expectExit } from './harness/expect-exit.js';
import { liveSpec, meanLatencyCheck } from './harness/live-spec.js';
import { simulateScrapes, TrafficCounters, type ServiceBehaviour } from './harness/live-service.js';
import { seedFromString } from './harness/prng.js';
import { renderOpenMetrics } from './harness/render-openmetrics.js';
import { describeRun, parseReport, runCliAt, type JsonReport } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const JOB = 'replayed-latency';
const HEALTHY: ServiceBehaviour = { errorShare: 0.01, medianLatency: 0.05 };
const BASELINE_SECONDS = 300;
/** Data after the deploy: the warmup (5 s) and eleven 5 s steps. */
const AFTER_DEPLOY_SECONDS = 60;
/** A run that waited the 10m window would take minutes; one stopping at its first look, a few seconds. */
const RUN_DEADLINE_MS = 60_000;
const now = Math.floor(Date.now() / 1000);
const deployedAt = now - AFTER_DEPLOY_SECONDS;

const specs = createSpecDir();
let prometheus: BackfilledPrometheus | undefined;

beforeAll(async () => {
  // A minute of history before the baseline, so its first step has scrapes at both ends.
  const from = deployedAt - BASELINE_SECONDS - 60;
  const scrapes = simulateScrapes(
    new TrafficCounters(seedFromString(JOB)),
    { requestsPerSecond: 200, batchMs: 100 },
    from * 1000,
    now - from,
    (ms) => (ms >= deployedAt * 1000 ? { ...HEALTHY, medianLatency: 2 * HEALTHY.medianLatency } : HEALTHY),
  );
  prometheus = await startBackfilledPrometheus(
    renderOpenMetrics([{ labels: { job: JOB, instance: '127.0.0.1:9' }, scrapes }]),
    { query: `http_request_duration_seconds_count{job="${JOB}"}`, time: now },
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  specs.remove();
});

test('median latency x2 at the deploy: the first look stops, exit 1 by the sequential test, long before the 10m window ends', async () => {
  const windows = { baseline: `${BASELINE_SECONDS}s`, warmup: '5s', post: '600s', step: '5s' };
  const spec = specs.write('latency.yaml', liveSpec(windows, meanLatencyCheck(JOB, windows.step)));
  const args = ['run', spec, '--deployed-at', String(deployedAt), '--format', 'json'];
  const result = await runCliAt(now + 1, [...args, '--var', `PROMETHEUS_URL=${prometheus!.url}`], {
    ms: RUN_DEADLINE_MS,
  });

  // Stopped early: a gate that waited for the 10m window would have hit the deadline.
  if (result.hitDeadline)
    throw new Error(`the run did not stop within ${RUN_DEADLINE_MS / 1000} s: ${describeRun(result)}`);
  expectExit(result, 1);
  const report = parseReport(result) as JsonReport & { warnings: string[] };
  expect(report.verdict).toBe('fail');
  expect(report.checks[0]).toMatchObject({ name: 'mean latency', verdict: 'fail', critical: true });
  expect(report.warnings.some((w) => w.startsWith('stopped early '))).toBe(true);
  const series = report.checks[0]!.series[0] as unknown as {
    test: string;
    rule: string;
    reason: string;
    pValue: number;
    baseline: { median: number };
    candidate: { median: number };
  };
  // A value check: the normal-mixture test of the looks, on the log scale (latencies are > 0).
  expect(series).toMatchObject({ verdict: 'fail', test: 'sequential-mixture', rule: 'sequential' });
  expect(series.reason).toMatch(
    /^stopped early \S+ after the deploy \(.*Z\): anytime-valid test certain of a rise beyond tolerance \S+, evidence (over )?[\d.]+x of the [\d.]+x needed \(p [<=] [\d.e-]+\); \+\d+/,
  );
  expect(series.pValue).toBeLessThanOrEqual(0.05);
  // Every request's latency doubled, so the mean of each step's ~1000 requests doubles too.
  const ratio = series.candidate.median / series.baseline.median;
  expect(ratio).toBeGreaterThan(1.6);
  expect(ratio).toBeLessThan(2.5);
  // Progress while waiting: the wait, then one look, which stops.
  expect(result.stderr).toMatch(/^waiting .+ until /m);
  const looks = result.stderr
    .split('\n')
    .filter((line) => !line.startsWith('waiting ') && line.includes(' mean latency'));
  expect(looks).toHaveLength(1);
  expect(looks[0]).toMatch(/certain of a regression, stopping early$/);
}, 90_000);
