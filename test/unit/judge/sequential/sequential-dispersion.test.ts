/** The dispersions of a sequential look: a short healthy candidate keeps the pooled estimate; a burst uses its own. */
import { chiSquareUpperQuantile } from '../../../../src/judge/stats/chi-square.js';
import { sequentialDispersions } from '../../../../src/judge/sequential/sequential-dispersion.js';
import { sideDispersions } from '../../../../src/judge/count/dispersion.js';

const steps = (events: number[], trials = 150): { t: number; events: number; trials: number }[] =>
  events.map((e, t) => ({ t, events: e, trials }));
// Baseline: 60 steps alternating 1 and 2 errors in 150 requests: less varied than binomial, dispersion 1.
const baseline = steps(Array.from({ length: 60 }, (_, i) => 1 + (i % 2)));

test('5 candidate steps a little more varied than binomial by chance: pooled (1), where the fixed judge takes the candidate own > 1', () => {
  // 0, 4, 1, 3, 0 errors at a rate of 1.6 a step: Pearson chi^2 / 4 df is about 2.1, not significant at 1% with 4 df (13.3).
  const candidate = steps([0, 4, 1, 3, 0]);
  expect(sideDispersions(baseline, candidate)[1]).toBeGreaterThan(1.5);
  expect(sequentialDispersions(baseline, candidate)).toEqual([1, 1]);
});

test('a burst in the candidate (one step of 40 errors among 1-2): its own dispersion, as in the fixed judge', () => {
  const candidate = steps([1, 2, 40, 1, 2, 1]);
  const [, own] = sideDispersions(baseline, candidate);
  expect(own).toBeGreaterThan(20);
  expect(sequentialDispersions(baseline, candidate)[1]).toBe(own);
});

test('chiSquareUpperQuantile is within 2% of scipy.stats.chi2.isf (4 df: 13.2767, 9 df: 21.6660, 40 df: 63.6907 at 1%)', () => {
  for (const [df, expected] of [
    [4, 13.2767],
    [9, 21.666],
    [40, 63.6907],
  ] as const) {
    expect(Math.abs(chiSquareUpperQuantile(0.01, df) / expected - 1)).toBeLessThan(0.02);
  }
});
