/**
 * Robust early stops through the built CLI, against a real Prometheus of this file's own that
 * serves blocks backfilled with promtool around now (the deploy 3 minutes ago, a 10m post window,
 * so `run` waits and looks); the CLI's clock starts at the data's end, so its looks read fixed
 * data. One gauge per job, scraped every 15 s, around 100 ms with a little noise; the check reads
 * `avg_over_time(...[1m])` at step 15s, so one sample shows in the four post points whose range
 * holds it, and a blip fills at most five (early-stop-watched.ts blipSpan).
 *
 * - blip: healthy but for one 26 s sample 70 s after the deploy (a restarting pod): four post
 *   points read ~6.6 s against a 100 ms baseline. The first look has nine post points; the
 *   previous judge stopped on it at once ("evidence 1e+..."). Now the points outside the strongest
 *   five are healthy, so no look stops.
 * - regression: every sample x2 from the deploy on: the first look still stops (exit 1, test
 *   sequential-mixture), and its reason says the evidence held without the strongest five points.
 */
import { startBackfilledPrometheus, type BackfilledPrometheus } from './harness/backfilled-prometheus.js';
import { prometheusSpec, quote } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { createUniform } from './harness/prng.js';
import { describeRun, parseReport, runCliAt, runSpecArgs } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const SCRAPE = 15;
const now = Math.floor(Date.now() / 1000 / SCRAPE) * SCRAPE;
const deployedAt = now - 180;
/**
 * The CLI's clock at its start (run-cli.ts `clockAt`): 2 s past the last backfilled sample, so the
 * first look reads the same post points however late a loaded machine starts the CLI. On the real
 * clock a CLI started 30 s late looks at 3m30s after the deploy: the points after the data's end
 * hold only the healthy samples before it, the blip's share of the look falls (+4.3%, evidence
 * 0.15x) and the look never reaches the held-back line this test is about.
 */
const clockAt = now + 2;
const jobs = { blip: `blip-${process.pid}`, regression: `regression-${process.pid}` };

/** One job's samples from 40 minutes before the deploy to now, OpenMetrics lines. */
function samples(job: string, value: (t: number, base: number) => number, seed: number): string[] {
  const uniform = createUniform(seed);
  const lines: string[] = [];
  for (let t = deployedAt - 40 * 60; t <= now; t += SCRAPE) {
    const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const base = 0.1 * Math.exp(0.05 * z);
    lines.push(`request_latency_seconds{job="${job}"} ${value(t, base).toFixed(6)} ${t}`);
  }
  return lines;
}

const specs = createSpecDir();
let prometheus: BackfilledPrometheus | undefined;

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(
    [
      '# TYPE request_latency_seconds gauge',
      ...samples(jobs.blip, (t, base) => (t === deployedAt + 75 ? 26 : base), 1),
      ...samples(jobs.regression, (t, base) => (t > deployedAt ? 2 * base : base), 2),
      '# EOF',
      '',
    ].join('\n'),
    { query: `request_latency_seconds{job="${jobs.regression}"}`, time: now },
  );
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  specs.remove();
});

function args(job: string, extra: string[] = []): string[] {
  const check = [
    '  - name: latency',
    '    source: prom',
    `    query: ${quote(`avg_over_time(request_latency_seconds{job="${job}"}[1m])`)}`,
    '    direction: increase',
    '    tolerance: 10%',
  ];
  const spec = specs.write(
    `${job}.yaml`,
    prometheusSpec(job, ['baseline:', '  window: 30m', 'post:', '  window: 10m'], '15s', check),
  );
  return runSpecArgs(spec, deployedAt, prometheus!.url, ['--format', 'json', ...extra]);
}

test('a restart blip (one 26 s sample through a [1m] range) does not stop a healthy deploy', async () => {
  // --max-wait 2s: the first look reads the nine post points there are, then the run is judged
  // on them (cut short, so it cannot pass); what matters is that no look stopped.
  const result = await runCliAt(clockAt, args(jobs.blip, ['--max-wait', '2s']));
  expect({ code: result.code, run: describeRun(result) }).not.toMatchObject({ code: 0 });
  expect(result.stderr).toMatch(
    /\[(\d+m)?\d+s of 10m00s after the deploy\] latency (\{job=.*\} )?\+[\d.]+% \(provisional\), evidence .* of the 160x needed \(p [<=] [\d.e-]+\), not yet without the strongest run one restart blip could fill\n/,
  );
  expect(result.stderr).not.toContain('stopping early');
  const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
  expect(report.warnings.some((w) => w.startsWith('stopped early'))).toBe(false);
  expect(report.warnings.some((w) => w.startsWith('--max-wait 2s reached'))).toBe(true);
  const series = report.checks[0]!.series[0] as unknown as { test: string };
  expect(series.test).not.toMatch(/^sequential/);
}, 60_000);

test('a sustained x2 regression still stops at the first look, without the strongest five points too', async () => {
  const began = Date.now();
  const result = await runCliAt(clockAt, args(jobs.regression));
  expectExit(result, 1);
  expect(Date.now() - began).toBeLessThan(30_000);
  const report = parseReport(result);
  const series = report.checks[0]!.series[0] as unknown as {
    test: string;
    rule: string;
    reason: string;
    alpha: number;
  };
  expect(series).toMatchObject({ test: 'sequential-mixture', rule: 'sequential', alpha: 0.0125 });
  expect(series.reason).toMatch(
    /^stopped early \S+ after the deploy \(.*Z\): anytime-valid test certain of a rise beyond tolerance 10%, evidence .* of the 160x needed \(p [<=] [\d.e-]+\); \+\d+(\.\d+)?% over \d+ value\(s\), and without the strongest 5 points in a row$/,
  );
}, 60_000);
