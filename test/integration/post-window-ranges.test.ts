/**
 * Against the real Prometheus: the points of the post window read no data from before the deploy,
 * and the points of the baseline none from after it. The check queries ask Prometheus itself where
 * each point's range starts and ends: `min_over_time(vector(time())[1m:1s])` at t is the earliest
 * instant of its one-minute range, `max_over_time(...)` the latest; compared with the deploy they
 * are 1 when the range crosses it, 0 otherwise. Both are [1m] ranges at step 30s with the deploy
 * off the step grid (05:12:46): the first post point is 05:14:00 (range from 05:13:00); it used to be
 * 05:13:00, whose range holds 46 s from before the deploy.
 */
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { runSpec, type CliResult } from './harness/run-cli.js';
import { prometheusSpec, quote } from './harness/count-spec.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
afterAll(() => specs.remove());

const DEPLOYED_AT = '2026-01-15T05:12:46Z';
const DEPLOY = Date.parse(DEPLOYED_AT) / 1000;

interface SideSummary {
  n: number;
  mean: number | null;
}
interface RangeReport {
  checks: { name: string; series: { baseline: SideSummary; candidate: SideSummary }[] }[];
}

function check(name: string, query: string): string[] {
  return [`  - name: ${name}`, '    source: prom', `    query: ${quote(query)}`, '    direction: either'];
}

test("the post window's first point's range starts at or after the deploy; the baseline's last ends at or before it", async () => {
  const spec = specs.write(
    'ranges.yaml',
    prometheusSpec('ranges', ['baseline: {window: 10m}', 'post: {window: 10m}'], '30s', [
      ...check('starts before the deploy', `min_over_time(vector(time())[1m:1s]) < bool ${DEPLOY}`),
      ...check('ends after the deploy', `max_over_time(vector(time())[1m:1s]) > bool ${DEPLOY}`),
    ]),
  );
  const dry: CliResult = await runSpec(spec, DEPLOYED_AT, url, ['--dry-run']);
  expectExit(dry, 0);
  expect(dry.stdout).toContain('first post point 2026-01-15T05:14:00Z, its range from 2026-01-15T05:13:00Z (1m)');

  const result = await runSpec(spec, DEPLOYED_AT, url);
  expect([0, 1, 3]).toContain(result.code);
  const report = JSON.parse(result.stdout) as RangeReport;
  const [startsBefore, endsAfter] = report.checks.map((c) => c.series[0]!);
  // Every post point's range starts at or after the deploy (all 0): no pre-deploy data read.
  expect(startsBefore!.candidate.n).toBeGreaterThan(0);
  expect(startsBefore!.candidate.mean).toBe(0);
  // Every baseline point's range ends at or before the deploy (all 0): no post-deploy data read.
  expect(endsAfter!.baseline.n).toBeGreaterThan(0);
  expect(endsAfter!.baseline.mean).toBe(0);
  // The queries do see the deploy: every baseline range starts before it, every post range ends after it.
  expect(startsBefore!.baseline.mean).toBe(1);
  expect(endsAfter!.candidate.mean).toBe(1);
});
