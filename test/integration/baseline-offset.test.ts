/**
 * `baseline.offset` against the real Prometheus, on the hourly-pattern scenario: latency is x1.5
 * for the first 20 minutes of every hour, and the deploy lands at such a start. Before/after
 * reads a regression that was there an hour earlier too; a 1h offset compares like with like.
 */
import { countSpec, errorCountLines, p95Lines } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { parseReport, runSpec } from './harness/run-cli.js';
import { SCENARIOS, deploySeconds } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
afterAll(() => specs.remove());
const scenario = SCENARIOS['hourly-pattern'];

async function run(top: string[]) {
  const spec = specs.write(`offset-${top.length}.yaml`, countSpec(top, p95Lines(scenario.job)));
  return runSpec(spec, scenario.deployedAt, url);
}

describe('baseline.offset', () => {
  test('without it, the time-of-day pattern reads as a regression', async () => {
    const result = await run(['baseline: {window: 10m}', 'post: {window: 10m}']);
    expectExit(result, 1);
  });

  test('with offset 1h the baseline is the same minutes an hour earlier, and the check passes', async () => {
    const result = await run(['baseline: {window: 10m, offset: 1h}', 'post: {window: 10m}']);
    expectExit(result, 0);
    const report = parseReport(result) as ReturnType<typeof parseReport> & {
      windows: { baseline: { start: string; end: string } };
    };
    const deploy = deploySeconds(scenario);
    // The post window ends at deploy + 10m; the baseline ends 1h before that and is 10m long.
    expect(report.windows.baseline).toEqual({
      start: new Date((deploy - 3600) * 1000).toISOString().replace('.000Z', 'Z'),
      end: new Date((deploy + 600 - 3600) * 1000).toISOString().replace('.000Z', 'Z'),
    });
  });

  test('--dry-run shows the offset baseline window', async () => {
    const spec = specs.write(
      'offset-dry.yaml',
      countSpec(['baseline: {window: 10m, offset: 1h}'], p95Lines(scenario.job)),
    );
    const result = await runSpec(spec, scenario.deployedAt, url, ['--dry-run']);
    expectExit(result, 0);
    expect(result.stdout).toContain(
      "baseline window  2026-01-15T18:12:30Z .. 2026-01-15T18:22:30Z  (baseline.offset 1h: the post window's time of day)",
    );
  });

  test('a count check with offset 1h is paired by step: each post step against the step an hour earlier', async () => {
    const spec = specs.write(
      'offset-counts.yaml',
      countSpec(['baseline: {window: 10m, offset: 1h}', 'post: {window: 10m}'], errorCountLines(scenario.job)),
    );
    const result = await runSpec(spec, scenario.deployedAt, url);
    expectExit(result, 0);
    const series = (
      parseReport(result) as unknown as {
        checks: { series: { comparison?: string; reason: string; impact?: { kind: string } }[] }[];
      }
    ).checks[0]!.series[0]!;
    // 10 minutes at a 30 s step: 20 post steps, each with its partner an hour earlier.
    expect(series.comparison).toBe('paired');
    expect(series.reason).toMatch(/^paired by step \(20 pairs\)/);
    expect(series.impact).toMatchObject({ kind: 'excess-events' });
  });
});
