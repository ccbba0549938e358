/**
 * `baseline.history` against a real Prometheus, backfilled with promtool: a latency gauge whose log
 * wanders with lag-1 correlation 0.99 at 15 s steps (a level that drifts over tens of minutes) for
 * a day before the deploy. The windows alone mistake that wander for a regression; history shows
 * adjacent windows differ that much, and the deploy passes. The same series tripled after the deploy
 * still fails. `backtest` reports the same spread.
 */
import { startBackfilledPrometheus, type BackfilledPrometheus } from './harness/backfilled-prometheus.js';
import { expectExit } from './harness/expect-exit.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';
import { seededRandom } from '../unit/judge/helpers/random.js';

const STEP = 15;
const T0 = 1_768_003_200; // 2026-01-10T00:00:00Z
const H = 5760; // a day of points before the post window
const M = 40;
/** The deploy: the last history point is the baseline's last; the post window's 40 points follow. */
const DEPLOY = T0 + (H - 1) * STEP;
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** log-latency AR(1): lag-1 0.99, marginal sd 0.3, median 200 ms (the unit tests' seed 7). */
function wandering(seed: number, count: number): number[] {
  const random = seededRandom(seed);
  let x = random.normal();
  return Array.from({ length: count }, () => {
    const value = 0.2 * Math.exp(0.3 * x);
    x = 0.99 * x + Math.sqrt(1 - 0.99 * 0.99) * random.normal();
    return value;
  });
}

let prometheus: BackfilledPrometheus | undefined;
const specs = createSpecDir();

beforeAll(async () => {
  const values = wandering(7, H + M);
  const lines = ['# HELP wander_latency_seconds A wandering latency.', '# TYPE wander_latency_seconds gauge'];
  for (const [job, factor] of [
    ['healthy', 1],
    ['regressed', 3],
  ] as const) {
    values.forEach((v, i) =>
      lines.push(`wander_latency_seconds{job="${job}"} ${i >= H ? v * factor : v} ${T0 + i * STEP}`),
    );
  }
  lines.push('# EOF');
  prometheus = await startBackfilledPrometheus(`${lines.join('\n')}\n`, {
    query: 'count(wander_latency_seconds)',
    time: DEPLOY,
  });
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  specs.remove();
});

function spec(job: string, history: boolean): string {
  return specs.write(
    `${job}-${history}.yaml`,
    [
      'version: 1',
      'name: wander',
      `baseline: {window: 30m${history ? ', history: 24h' : ''}}`,
      'post: {window: 10m}',
      'defaults: {step: 15s}',
      'sources:',
      '  prom: {type: prometheus, url: "${PROMETHEUS_URL}"}',
      'checks:',
      '  - name: latency',
      '    source: prom',
      `    query: 'wander_latency_seconds{job="${job}"}'`,
      '    direction: increase',
      '',
    ].join('\n'),
  );
}

const run = (file: string, extra: string[] = []) =>
  runCli(['run', file, '--deployed-at', iso(DEPLOY), '--format', 'json', ...extra], {
    PROMETHEUS_URL: prometheus!.url,
  });

interface HistorySeries {
  verdict: string;
  reason: string;
  rule?: string;
  history?: { seconds: number; moments: number; spread: number | null; decided: boolean };
}

describe('baseline.history', () => {
  test('a healthy wandering latency: the windows alone fail it; with a day of history it passes', async () => {
    const without = await run(spec('healthy', false));
    expect(parseReport(without).verdict).not.toBe('pass');
    const result = await run(spec('healthy', true));
    expectExit(result, 0);
    const series = parseReport(result).checks[0]!.series[0] as unknown as HistorySeries;
    expect(series.history).toMatchObject({ seconds: 86400, decided: true });
    expect(series.history!.moments).toBeGreaterThan(100);
    expect(series.history!.spread).toBeGreaterThan(0.1);
    expect(series.reason).toMatch(/adjacent windows differ by ±\d+(\.\d)?% over the last 1d/);
  });

  test('the same latency tripled after the deploy stands out from history: fail', async () => {
    const result = await run(spec('regressed', true));
    expectExit(result, 1);
    const series = parseReport(result).checks[0]!.series[0] as unknown as HistorySeries;
    expect(series.rule).toBe('beyond-tolerance');
  });

  test('--dry-run shows the history range the check reads', async () => {
    const result = await run(spec('healthy', true), ['--dry-run']);
    expectExit(result, 0);
    expect(result.stdout).toContain(`history   ${iso(DEPLOY - 86400)} .. ${iso(DEPLOY)} step 15s (5761 points)`);
  });

  test('backtest reports how much adjacent windows differ over its range', async () => {
    const result = await runCli(
      [
        'backtest',
        spec('healthy', false),
        '--from',
        iso(DEPLOY - 20 * 3600),
        '--to',
        iso(DEPLOY - 3600),
        '--every',
        '1h',
        '--format',
        'json',
      ],
      { PROMETHEUS_URL: prometheus!.url },
    );
    expectExit(result, 0);
    const report = JSON.parse(result.stdout) as { checks: { spread?: { spread: number; moments: number } }[] };
    expect(report.checks[0]!.spread!.spread).toBeGreaterThan(0.1);
    expect(report.checks[0]!.spread!.moments).toBeGreaterThan(20);
  });
});
