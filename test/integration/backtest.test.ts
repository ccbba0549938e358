/**
 * `verify-deploy backtest` against the real Prometheus: a 10m baseline and a 5m post window
 * replayed every minute over the fixture's healthy period, and around the error regression.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSpec, errorCountLines, p95Lines, quote } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { runCli, type CliResult } from './harness/run-cli.js';
import { SCENARIOS, deploySeconds } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
afterAll(() => specs.remove());

interface Rate {
  judged: number;
  fails: number;
  inconclusive: number;
  rate: number | null;
  interval: [number, number] | null;
}
interface BacktestJson {
  kind: string;
  moments: string[];
  exitCode: number;
  run: Rate & { failedAt: string[] };
  checks: (Rate & { name: string; alpha: number; failedAt: { at: string; reason: string; decidedAfter?: number }[] })[];
  notes: string[];
}

const WINDOWS = ['baseline: {window: 10m}', 'post: {window: 5m}'];
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

async function backtest(
  job: keyof typeof SCENARIOS,
  args: string[],
): Promise<{ result: CliResult; report: BacktestJson }> {
  const spec = specs.write(`${job}-backtest.yaml`, countSpec(WINDOWS, [...errorCountLines(job), ...p95Lines(job)]));
  const result = await runCli(['backtest', spec, ...args, '--format', 'json', '--var', `PROMETHEUS_URL=${url}`]);
  return { result, report: JSON.parse(result.stdout || '{}') as BacktestJson };
}

describe('backtest', () => {
  test('over the healthy period: a false-alarm rate per check, with its interval and the failing moments', async () => {
    const deploy = deploySeconds(SCENARIOS.healthy);
    // Data spans deploy - 35m .. deploy + 15m: moments from -20m (baseline from -30m) to +9m.
    const { result, report } = await backtest('healthy', [
      '--from',
      iso(deploy - 1200),
      '--to',
      iso(deploy + 540),
      '--every',
      '1m',
    ]);
    expectExit(result, 0);
    expect(report.kind).toBe('backtest');
    expect(report.moments).toHaveLength(30);
    for (const check of report.checks) {
      expect(check.judged + check.inconclusive).toBe(30);
      expect(check.judged).toBeGreaterThan(0);
      expect(check.rate).toBeCloseTo(check.fails / check.judged, 12);
      expect(check.failedAt).toHaveLength(check.fails);
      expect(check.interval?.[0]).toBeLessThanOrEqual(check.rate ?? 0);
      expect(check.interval?.[1]).toBeGreaterThanOrEqual(check.rate ?? 1);
    }
    // Nothing changes in the healthy period: the counts see no regression at any moment.
    expect(report.checks.find((c) => c.name === 'error count')?.fails).toBe(0);
    // Moments a minute apart read 15 minutes each: the report says they are not independent.
    expect(report.notes.some((n) => n.startsWith('moments 1m apart read overlapping data'))).toBe(true);
  });

  test('around the error regression: the moments whose post window holds it fail, those before pass', async () => {
    const deploy = deploySeconds(SCENARIOS['error-regression']);
    const at = [-20, -15, -10, -6, 0, 1, 2].map((m) => iso(deploy + m * 60));
    const { result, report } = await backtest('error-regression', ['--at', at.join(',')]);
    expectExit(result, 0);
    const counts = report.checks.find((c) => c.name === 'error count');
    const failed = counts?.failedAt.map((m) => m.at);
    // Post windows (5m) of -20m .. -6m end before the deploy; those of 0, +1m, +2m hold 5% errors.
    // At +1m and +2m the baseline already holds the first minutes of 5% (a shift at its end, which
    // the count variance reads as a drifting rate): they fail or are inconclusive, never pass.
    expect(failed).toContain(at[4]);
    expect(failed!.every((m) => at.slice(4).includes(m))).toBe(true);
    expect(counts!.judged - counts!.fails).toBe(4);
    expect(counts!.fails + counts!.inconclusive).toBe(3);
    expect(report.run.failedAt).toEqual(expect.arrayContaining([at[4]]));
  });

  test('a ratio query of counts is dated as a live run watches it: by the count test of its derived counts', async () => {
    // The same errors out of requests, once as numerator/denominator and once as a ratio query of
    // the same counter: a live run watches the ratio as those counts (src/gate/ratio-counts.ts), so
    // the moment at the deploy (1% -> 5% errors) stops at the same step, not when a value test of
    // the ratio's points would.
    const job = 'error-regression';
    const deploy = deploySeconds(SCENARIOS[job]);
    const ratio = `sum(rate(http_requests_total{job="${job}",code=~"5.."}[30s])) / sum(rate(http_requests_total{job="${job}"}[30s]))`;
    const ratioLines = ['  - name: error ratio', '    source: prom', `    query: ${quote(ratio)}`];
    const decided = async (name: string, checks: string[]): Promise<number | undefined> => {
      const spec = specs.write(`${name}.yaml`, countSpec(WINDOWS, checks));
      const result = await runCli([
        'backtest',
        spec,
        '--at',
        iso(deploy),
        '--format',
        'json',
        '--var',
        `PROMETHEUS_URL=${url}`,
      ]);
      expectExit(result, 0);
      const report = JSON.parse(result.stdout) as BacktestJson;
      const check = report.checks.find((c) => c.name === name);
      expect(check?.failedAt.map((m) => m.at)).toEqual([iso(deploy)]);
      return check!.failedAt[0]!.decidedAfter;
    };
    const asCounts = await decided('error count', errorCountLines(job));
    const asRatio = await decided('error ratio', [...ratioLines, ...errorCountLines(job).slice(4)]);
    expect(asCounts).toBeLessThan(300);
    expect(asRatio).toBe(asCounts);
  });

  test('human output lists the rate table and the failing moments; --help has examples', async () => {
    const deploy = deploySeconds(SCENARIOS['error-regression']);
    const spec = specs.write('human.yaml', countSpec(WINDOWS, errorCountLines('error-regression')));
    const result = await runCli([
      'backtest',
      spec,
      '--at',
      `${iso(deploy - 1200)},${iso(deploy)}`,
      '--var',
      `PROMETHEUS_URL=${url}`,
    ]);
    expectExit(result, 0);
    expect(result.stdout).toMatch(/^error count +yes +2 +1 +50% /m);
    expect(result.stdout).toContain(`moments that would have failed:\n  error count\n    ${iso(deploy)}  `);
    const help = await runCli(['backtest', '--help']);
    expectExit(help, 0);
    expect(help.stdout).toContain('$ verify-deploy backtest verify.yaml --from -7d --every 1h');
  });

  test('a report that cannot be written after the replay keeps exit 0, says so, and is named in the other report; a bad path is refused first', async () => {
    const deploy = deploySeconds(SCENARIOS['error-regression']);
    const spec = specs.write('reports.yaml', countSpec(WINDOWS, errorCountLines('error-regression')));
    const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-backtest-reports-'));
    try {
      const args = (out: string): string[] => [
        'backtest',
        spec,
        '--from',
        iso(deploy - 1200),
        '--to',
        iso(deploy),
        '--every',
        '1m',
        '--var',
        `PROMETHEUS_URL=${url}`,
        '--report',
        join(out, 'small.txt'),
        '--report',
        join(out, 'big.json'),
      ];
      const reference = await runCli(args(dir));
      expectExit(reference, 0);
      // A file-size limit (EFBIG, a full disk's stand-in that stops root too) the JSON report does not fit in.
      const [small, big] = ['small.txt', 'big.json'].map((name) => statSync(join(dir, name)).size) as [number, number];
      const blocks = Math.ceil((small + 256) / 512);
      expect({ small, big: big > blocks * 512 + 512 }).toEqual({ small, big: true });
      const full = mkdtempSync(join(dir, 'full-'));
      const result = await runCli(args(full), {}, undefined, undefined, { fileSizeBlocks: blocks });
      expectExit(result, 0);
      expect(result.stderr).toMatch(/^error: the report .*big\.json could not be written \(EFBIG/m);
      expect(readdirSync(full)).toEqual(['small.txt']);
      expect(readFileSync(join(full, 'small.txt'), 'utf8')).toMatch(
        /reports not written:\n {2}- .*big\.json could not be written \(EFBIG/,
      );
      expect(result.stdout).toContain('big.json could not be written');

      const missing = await runCli([
        'backtest',
        spec,
        '--at',
        iso(deploy),
        '--var',
        `PROMETHEUS_URL=${url}`,
        '--report',
        join(dir, 'no-such-dir', 'b.json'),
      ]);
      expectExit(missing, 2);
      expect(missing.stderr).toMatch(/no-such-dir does not exist/);
      expect(missing.stderr).not.toContain('replaying');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses moments whose post window has not ended, and too many moments (exit 2)', async () => {
    const spec = specs.write('usage.yaml', countSpec(WINDOWS, errorCountLines('healthy')));
    const future = await runCli(['backtest', spec, '--at', 'now', '--var', `PROMETHEUS_URL=${url}`]);
    expectExit(future, 2);
    expect(future.stderr).toContain('which has not come yet: a backtest replays the past');
    const many = await runCli(['backtest', spec, '--from', '-30d', '--every', '1m', '--var', `PROMETHEUS_URL=${url}`]);
    expectExit(many, 2);
    expect(many.stderr).toContain('more than the 500 a backtest replays');
  });
});
