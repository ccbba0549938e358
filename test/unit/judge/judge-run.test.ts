import { judgeRun } from '../../../src/judge/judge-run.js';
import { wordNote } from '../../../src/reports/notes.js';
import type { CheckResult, SeriesResult, Verdict } from '../../../src/types.js';

function checkResult(name: string, verdict: Verdict, critical = true): CheckResult {
  return {
    name,
    verdict,
    critical,
    reason: `${name} is ${verdict}`,
    series: [],
    unmatched: { baseline: [], candidate: [] },
  };
}

describe('judgeRun', () => {
  test.each([
    {
      checks: [checkResult('a', 'pass'), checkResult('b', 'pass')],
      verdict: 'pass',
      exitCode: 0,
      why: 'every critical check passed',
    },
    {
      checks: [checkResult('a', 'pass'), checkResult('b', 'fail')],
      verdict: 'fail',
      exitCode: 1,
      why: 'one critical regression fails the run',
    },
    {
      checks: [checkResult('a', 'inconclusive'), checkResult('b', 'pass')],
      verdict: 'inconclusive',
      exitCode: 3,
      why: 'could not measure is never pass',
    },
    {
      checks: [checkResult('a', 'inconclusive'), checkResult('b', 'fail')],
      verdict: 'fail',
      exitCode: 1,
      why: 'fail outranks inconclusive',
    },
    {
      checks: [checkResult('a', 'pass'), checkResult('w', 'fail', false)],
      verdict: 'pass',
      exitCode: 0,
      why: 'a non-critical failure only warns',
    },
    {
      checks: [checkResult('w', 'pass', false)],
      verdict: 'inconclusive',
      exitCode: 3,
      why: 'no critical check: nothing gates the run, so it cannot pass',
    },
    { checks: [], verdict: 'inconclusive', exitCode: 3, why: 'no checks at all: nothing was judged' },
  ] as const)('$why -> $verdict ($exitCode)', ({ checks, verdict, exitCode }) => {
    const result = judgeRun([...checks]);
    expect([result.verdict, result.exitCode]).toEqual([verdict, exitCode]);
  });

  test('non-critical failing and inconclusive checks become warnings with their reasons', () => {
    const result = judgeRun([
      checkResult('gate', 'pass'),
      checkResult('cpu', 'fail', false),
      checkResult('mem', 'inconclusive', false),
    ]);
    expect(result.notes.map(wordNote)).toEqual([
      'non-critical check "cpu" failed: cpu is fail',
      'non-critical check "mem" was inconclusive: mem is inconclusive',
    ]);
  });

  test('zero critical checks explains itself in a warning', () => {
    expect(judgeRun([checkResult('w', 'pass', false)]).notes.map(wordNote)).toEqual([
      'no check is critical: nothing gates this run, so it is inconclusive rather than pass',
    ]);
  });
});

describe('judgeRun: Holm over every test of the run', () => {
  const tested = (pValue: number, rule: SeriesResult['rule'], verdict: Verdict): SeriesResult => ({
    labels: {},
    verdict,
    baseline: { n: 60, mean: 1, median: 1, p95: 1, nan: 0, infinite: 0 },
    candidate: { n: 20, mean: 1.2, median: 1.2, p95: 1.3, nan: 0, infinite: 0 },
    relativeChange: 0.2,
    relativeChangeInterval: [0.05, 0.35],
    test: 'mann-whitney',
    pValue,
    alpha: 0.05,
    rule,
    reason: `shift +20% [+5%, +35%], ${rule === 'beyond-tolerance' ? 'beyond tolerance 10%' : 'not significant'} (p = ${pValue})`,
    // The words around the p, as the judge records them for Holm's re-wording (SeriesResult.pFrame).
    pFrame: {
      before: `shift +20% [+5%, +35%], ${rule === 'beyond-tolerance' ? 'beyond tolerance 10%' : 'not significant'} `,
      after: ')',
    },
  });
  const withSeries = (name: string, series: SeriesResult): CheckResult => ({
    ...checkResult(name, series.verdict),
    reason: series.reason,
    series: [series],
  });

  test('p = 0.03 fails alone, but not among four tests (0.03 x 3 = 0.09 after Holm)', () => {
    // Raw p-values 0.03 (a regression on its own), 0.2, 0.5, 0.8. Holm: sorted 0.03 x4 = 0.12 > 0.05.
    const checks = [
      withSeries('a', tested(0.03, 'beyond-tolerance', 'fail')),
      withSeries('b', tested(0.2, 'not-significant', 'pass')),
      withSeries('c', tested(0.5, 'not-significant', 'pass')),
      withSeries('d', tested(0.8, 'not-significant', 'pass')),
    ];
    expect(judgeRun([checks[0]!]).verdict).toBe('fail');
    const run = judgeRun(checks);
    expect(run.verdict).toBe('pass');
    const a = run.checks[0]!;
    expect([a.verdict, a.series[0]?.rule, a.series[0]?.pValueAdjusted]).toEqual([
      'pass',
      'not-significant-adjusted',
      0.12,
    ]);
    expect(a.reason).toBe(
      "shift +20% [+5%, +35%], beyond tolerance 10% but not significant after Holm's adjustment (p = 0.03, Holm-adjusted p = 0.12 over 4 tests, needs < 0.05)",
    );
  });

  test('a tiny p survives the adjustment; calling judgeRun again changes nothing', () => {
    const checks = [
      withSeries('a', tested(1e-6, 'beyond-tolerance', 'fail')),
      withSeries('b', tested(0.5, 'not-significant', 'pass')),
    ];
    const run = judgeRun(checks);
    expect(run.verdict).toBe('fail');
    expect(run.checks[0]?.series[0]?.pValueAdjusted).toBeCloseTo(2e-6, 15);
    expect(judgeRun(run.checks).checks).toEqual(run.checks);
  });

  test('a run judged in parts (range checks, then sampled ones) is adjusted over the whole family, from the raw p', () => {
    // Raw p 0.02 and 0.02: apart, each fails (family of 1). Together Holm gives 0.04 and 0.04, both < 0.05.
    // With a third test at p 0.02 the family is 3: adjusted 0.06 for all, none significant.
    const part = judgeRun([withSeries('a', tested(0.02, 'beyond-tolerance', 'fail'))]);
    expect(part.verdict).toBe('fail');
    const merged = judgeRun([
      ...part.checks,
      withSeries('b', tested(0.02, 'beyond-tolerance', 'fail')),
      withSeries('c', tested(0.02, 'beyond-tolerance', 'fail')),
    ]);
    const direct = judgeRun([0, 1, 2].map((i) => withSeries('abc'[i]!, tested(0.02, 'beyond-tolerance', 'fail'))));
    expect(merged.checks.map((c) => c.series[0]?.pValueAdjusted)).toEqual(
      [0.06, 0.06, 0.06].map((p) => expect.closeTo(p, 12)),
    );
    expect(merged.verdict).toBe('pass');
    expect(merged.checks).toEqual(direct.checks);
  });

  test('non-critical checks are a family of their own: 1000 unchanged advisory series do not weaken a critical regression', () => {
    // The critical check: p = 0.001, a clear regression on its own. Beside it, a non-critical check
    // whose query returned 1000 unchanged series (p = 0.5 each). Over one family of 1001 tests Holm
    // would give 0.001 x 1001 > 0.05 and pass the deploy; within the critical family it stays 0.001.
    const advisory: CheckResult = {
      ...checkResult('cpu by pod', 'pass', false),
      series: Array.from({ length: 1000 }, (_, i) => ({
        ...tested(0.5, 'not-significant', 'pass'),
        labels: { pod: `p${i}` },
      })),
    };
    const run = judgeRun([withSeries('latency', tested(0.001, 'beyond-tolerance', 'fail')), advisory]);
    expect([run.verdict, run.exitCode]).toEqual(['fail', 1]);
    expect(run.checks[0]?.series[0]?.pValueAdjusted).toBe(0.001);
    expect(run.checks[0]?.reason).not.toMatch(/Holm/);
    // The advisory series are adjusted among themselves: 1000 tests.
    expect(run.checks[1]?.series[0]?.reason).toMatch(/over 1000 tests/);
  });

  test('critical checks are adjusted among themselves only, and so are the non-critical ones', () => {
    // Critical: p 0.02 and 0.02 -> Holm 0.04 each, both fail. Non-critical: one p 0.02 -> alone, 0.02.
    const run = judgeRun([
      withSeries('a', tested(0.02, 'beyond-tolerance', 'fail')),
      withSeries('b', tested(0.02, 'beyond-tolerance', 'fail')),
      { ...withSeries('w', tested(0.02, 'beyond-tolerance', 'fail')), critical: false },
    ]);
    expect(run.checks.map((c) => [c.name, c.verdict, c.series[0]?.pValueAdjusted])).toEqual([
      ['a', 'fail', expect.closeTo(0.04, 12)],
      ['b', 'fail', expect.closeTo(0.04, 12)],
      ['w', 'fail', 0.02],
    ]);
    expect(run.verdict).toBe('fail');
  });
});
