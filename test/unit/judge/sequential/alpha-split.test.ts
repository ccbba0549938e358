/**
 * Alpha spent once by a watched check (alpha-split.ts): its looks and its fixed test share the
 * series' 1/m of alpha, m fixed at the first look, and Holm weighs the rest (adjust-run.ts).
 * Series results are built as the judge records them: a fixed test (mann-whitney, rule
 * beyond-tolerance when it failed) or a stop (sequential-mixture, rule sequential, p = 2 / M).
 */
import { adjustRun } from '../../../../src/judge/adjust-run.js';
import { LOOK_SHARE, sequentialAlpha, type SequentialFamily } from '../../../../src/judge/sequential/alpha-split.js';
import { holmAdjust, weightedHolmAdjust } from '../../../../src/judge/stats/holm.js';
import type { CheckResult, SeriesResult, Verdict } from '../../../../src/types.js';

const fixed = (label: string, pValue: number, verdict: Verdict): SeriesResult => ({
  labels: { pod: label },
  verdict,
  baseline: { n: 120, mean: 1, median: 1, p95: 1, nan: 0, infinite: 0 },
  candidate: { n: 40, mean: 1.2, median: 1.2, p95: 1.3, nan: 0, infinite: 0 },
  relativeChange: 0.2,
  relativeChangeInterval: [0.05, 0.35],
  test: 'mann-whitney',
  pValue,
  alpha: 0.05,
  rule: verdict === 'fail' ? 'beyond-tolerance' : 'not-significant',
  reason: `shift +20%, beyond tolerance 10% (p = ${pValue})`,
  pFrame: { before: 'shift +20%, beyond tolerance 10% ', after: ')' },
});

const stopped = (label: string, pValue: number): SeriesResult => ({
  ...fixed(label, pValue, 'fail'),
  test: 'sequential-mixture',
  rule: 'sequential',
  reason: 'stopped early',
});

const check = (name: string, series: SeriesResult[], critical = true): CheckResult => ({
  name,
  verdict: series.some((s) => s.verdict === 'fail') ? 'fail' : 'pass',
  critical,
  reason: '',
  series,
  unmatched: { baseline: [], candidate: [] },
});

const family = (tests: number, watched: [string, number][]): SequentialFamily => ({
  tests,
  watched: new Map(watched),
  share: LOOK_SHARE,
});

test('the looks of a series get a quarter of its share: 0.25 x 5% / m', () => {
  expect(LOOK_SHARE).toBe(0.25);
  expect(sequentialAlpha(0.05, 1)).toBeCloseTo(0.0125, 15);
  expect(sequentialAlpha(0.05, 4)).toBeCloseTo(0.003125, 15);
});

test('weighted Holm with equal weights is Holm; a weight of 0 never rejects', () => {
  const p = [0.01, 0.04, 0.03, 0.2];
  const weighted = weightedHolmAdjust(p.map((x) => ({ p: x, weight: 0.25 })));
  holmAdjust(p).forEach((x, i) => expect(weighted[i]).toBeCloseTo(x, 12));
  expect(weightedHolmAdjust([{ p: 1e-9, weight: 0 }])).toEqual([1]);
  // Weights 0.75 and 0.25: the first is rejected at p <= 0.75 alpha, then the second at p <= alpha.
  const [first, second] = weightedHolmAdjust([
    { p: 0.03, weight: 0.75 },
    { p: 0.045, weight: 0.25 },
  ]);
  expect(first).toBeCloseTo(0.04, 12);
  expect(second).toBeCloseTo(0.045, 12);
});

test('one watched series, fixed p = 0.045: fails when nothing was looked at, passes after looks (0.045 / 0.75 = 0.06)', () => {
  // Why: the looks spent a quarter of alpha, so the fixed test at the window's end keeps 3.75%.
  const run = [check('latency', [fixed('a', 0.045, 'fail')])];
  expect(adjustRun(run)[0]!.verdict).toBe('fail');
  const after = adjustRun(run, family(1, [['latency', 1]]))[0]!;
  expect(after.verdict).toBe('pass');
  expect(after.series[0]!.rule).toBe('not-significant-adjusted');
  expect(after.series[0]!.pValueAdjusted).toBeCloseTo(0.06, 12);
  expect(after.series[0]!.reason).toBe(
    "shift +20%, beyond tolerance 10% but not significant after Holm's adjustment (p = 0.045, Holm-adjusted p = 0.06 over 1 test, 75% of its alpha left after the looks, needs < 0.05)",
  );
  // p = 0.03 still fails: 0.03 / 0.75 = 0.04 < 0.05.
  expect(adjustRun([check('latency', [fixed('a', 0.03, 'fail')])], family(1, [['latency', 1]]))[0]!.verdict).toBe(
    'fail',
  );
});

test('a stopped series is rejected at the first step, and Holm steps down for the other watched series', () => {
  // m = 2. The stop came at p = 0.005 <= 0.25 x 5% / 2: q = 0.005 / 0.25 / (1/2) = 0.04 <= 5%.
  // The other series' fixed p = 0.035 enters as 0.035 / 0.75 = 0.0467 with weight 1/2; after the
  // first rejection the remaining weight is 1/2, so its adjusted p is 0.0467 < 5%: it fails too.
  const run = [check('latency', [stopped('a', 0.005), fixed('b', 0.035, 'fail')])];
  const [latency] = adjustRun(run, family(2, [['latency', 2]]));
  expect(latency!.series.map((s) => s.verdict)).toEqual(['fail', 'fail']);
  expect(latency!.series[0]!.pValueAdjusted).toBeCloseTo(0.04, 12);
  expect(latency!.series[1]!.pValueAdjusted).toBeCloseTo(0.035 / 0.75, 12);
  // Without the stopped series rejected first, the second would need 0.0467 x 2 = 0.093: a pass.
  const alone = adjustRun([check('latency', [fixed('b', 0.035, 'fail')])], family(2, [['latency', 2]]))[0]!;
  expect(alone.series[0]!.pValueAdjusted).toBeCloseTo(0.035 / 0.75, 12);
});

test('other critical checks share what the watched series leave: m = 1 watched + 1 other, the other check has 2 tests', () => {
  // Weights: the watched series 1/2; the other check's two series 1/4 each. Its p = 0.01 gives
  // q = 0.04, first in order; adjusted 0.04 x (1/2 + 1/4 + 1/4) = 0.04: it fails. Plain Holm over
  // three would give 0.03, a different number for the same verdict.
  const run = [
    check('latency', [fixed('a', 0.5, 'pass')]),
    check('cpu', [fixed('x', 0.01, 'fail'), fixed('y', 0.6, 'pass')]),
  ];
  const [latency, cpu] = adjustRun(run, family(2, [['latency', 1]]));
  expect(cpu!.verdict).toBe('fail');
  expect(cpu!.series[0]!.pValueAdjusted).toBeCloseTo(0.04, 12);
  expect(latency!.verdict).toBe('pass');
  // Non-critical checks stay a plain Holm family of their own.
  const advisory = adjustRun(
    [...run, check('advisory', [fixed('z', 0.02, 'fail')], false)],
    family(2, [['latency', 1]]),
  );
  expect(advisory[2]!.series[0]!.pValueAdjusted).toBe(0.02);
});
