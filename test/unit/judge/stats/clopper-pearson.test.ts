/**
 * Clopper-Pearson intervals. Reference values from scipy 1.17:
 *   from scipy.stats import beta
 *   beta.ppf(0.025, x, n - x + 1), beta.ppf(0.975, x + 1, n - x)
 */
import { binomialLowerTail as binomialCdf, clopperPearson } from '../../../../src/judge/stats/binomial.js';

describe('clopperPearson', () => {
  it.each([
    // [fails, judged, lower, upper]
    [0, 24, 0, 0.142474],
    [1, 24, 0.001054, 0.211202],
    [5, 100, 0.016432, 0.112835],
    [24, 24, 0.857526, 1],
  ])('%i of %i', (fails, judged, lower, upper) => {
    const [lo, hi] = clopperPearson(fails, judged);
    expect(lo).toBeCloseTo(lower, 5);
    expect(hi).toBeCloseTo(upper, 5);
  });

  it('binomialCdf sums the exact terms: P(X <= 1) for n = 3, p = 0.5 is 4/8', () => {
    expect(binomialCdf(1, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialCdf(3, 3, 0.2)).toBe(1);
    expect(binomialCdf(-1, 3, 0.2)).toBe(0);
  });
});
