/**
 * `baseline.offset: 1d` over a sharp daily curve, against a real Prometheus backfilled with
 * promtool and through the built CLI: latency halves 7.5 minutes into the post window's time of
 * day on both days (the evening peak ends). Each post point pairs with the point a day earlier, so
 * the shared drop cancels: the healthy service passes and the one 30% slower fails, and the JSON
 * says the comparison was paired. Compared as independent samples, the drop both windows hold
 * would read as autocorrelation.
 */
import { startBackfilledPrometheus, type BackfilledPrometheus } from './harness/backfilled-prometheus.js';
import { jobLatencyLines, prometheusSpec } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { createNormalStream, createUniform, seedFromString } from './harness/prng.js';
import { parseReport, runSpec } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const DEPLOYED_AT = '2026-01-20T18:00:00Z';
const DEPLOY = Date.parse(DEPLOYED_AT) / 1000;
const DAY = 86_400;
const SCRAPE = 15;

/** Latency at t: 0.2 s until 7.5 minutes past the deploy's time of day, then 0.1 s, with 10% noise; `after` multiplies from the deploy on. */
function samples(job: string, after: number): string[] {
  const normal = createNormalStream(createUniform(seedFromString(`daily ${job}`)));
  const lines: string[] = [];
  for (const dayStart of [DEPLOY - DAY, DEPLOY]) {
    for (let t = dayStart - 20 * 60; t <= dayStart + 30 * 60; t += SCRAPE) {
      const phase = t - dayStart;
      const level = (phase >= 450 ? 0.1 : 0.2) * (t >= DEPLOY ? after : 1);
      lines.push(`daily_latency_seconds{job="${job}"} ${(level * Math.exp(0.1 * normal())).toFixed(6)} ${t}`);
    }
  }
  return lines;
}

let prometheus: BackfilledPrometheus | undefined;
const specs = createSpecDir();

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(
    ['# TYPE daily_latency_seconds gauge', ...samples('healthy', 1), ...samples('regressed', 1.3), '# EOF', ''].join(
      '\n',
    ),
    { query: 'daily_latency_seconds{job="regressed"}', time: DEPLOY },
  );
});

afterAll(async () => {
  await prometheus?.stop();
  specs.remove();
});

const latencyCheck = (job: string): string[] => jobLatencyLines('daily_latency_seconds', job);

async function run(top: string[]) {
  const spec = specs.write(
    `daily-${top.length}.yaml`,
    prometheusSpec('daily curve', top, '15s', [...latencyCheck('healthy'), ...latencyCheck('regressed')]),
  );
  return runSpec(spec, DEPLOYED_AT, prometheus!.url);
}

type PairedSeries = { verdict: string; comparison?: string; test: string; reason: string; intervalConfidence?: number };

test('offset 1d pairs each post point with the point a day earlier: healthy passes, +30% fails, both paired', async () => {
  const result = await run(['baseline: {window: 15m, offset: 1d}', 'post: {window: 15m}']);
  expectExit(result, 1);
  const report = parseReport(result);
  const [healthy, regressed] = report.checks.map((c) => c.series[0] as unknown as PairedSeries);
  expect(healthy).toMatchObject({ verdict: 'pass', comparison: 'paired', test: 'paired-t' });
  expect(regressed).toMatchObject({ verdict: 'fail', comparison: 'paired', test: 'paired-t', intervalConfidence: 0.9 });
  const pairs = Number(/^paired by timestamp \((\d+) pairs\), baseline 1d earlier: ratio /.exec(healthy!.reason)?.[1]);
  expect(pairs).toBeGreaterThanOrEqual(55);
  expect(regressed!.reason).toMatch(
    /^paired by timestamp \(\d+ pairs\), baseline 1d earlier: ratio \+\d+\.\d% \[\+\d+\.\d%, \+\d+\.\d%\] \(90% interval\), beyond tolerance 10%/,
  );
});

test('without the offset nothing pairs: before/after compares the windows as independent samples', async () => {
  const result = await run(['baseline: {window: 15m}', 'post: {window: 15m}']);
  const report = parseReport(result);
  const healthy = report.checks[0]!.series[0] as unknown as PairedSeries;
  expect(healthy.comparison).toBeUndefined();
  expect(healthy.test).toBe('mann-whitney');
});
