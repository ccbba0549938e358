import { ar1ContrastVariance } from '../../../../src/judge/stats/trend.js';

/** c' R c summed over every pair, R_ij = phi^|i-j|: the definition the O(m) recursion must equal. */
function byEveryPair(c: Float64Array, phi: number): number {
  let total = 0;
  for (let i = 0; i < c.length; i++) for (let j = 0; j < c.length; j++) total += c[i]! * c[j]! * phi ** Math.abs(i - j);
  return total;
}

describe('ar1ContrastVariance', () => {
  it('is the variance of a sum of three AR(1) points: 3 + 2 (2 phi + phi^2)', () => {
    // Var(x1 + x2 + x3) / sigma^2 = 3 + 2 (rho_1 + rho_1 + rho_2) with rho_k = phi^k.
    expect(ar1ContrastVariance(Float64Array.of(1, 1, 1), 0.5)).toBeCloseTo(3 + 2 * (2 * 0.5 + 0.25), 12);
  });

  it('is the plain sum of squared weights for independent points (phi 0)', () => {
    expect(ar1ContrastVariance(Float64Array.of(0.5, -1, 2), 0)).toBeCloseTo(0.25 + 1 + 4, 12);
  });

  it('equals the pairwise definition for a regression end-point contrast, with negative weights', () => {
    // The growth test's weights: 1/m + (t_end - t_mean)(t_j - t_mean) / sxx on 41 evenly spaced points.
    const m = 41;
    const tMean = (m - 1) / 2;
    let sxx = 0;
    for (let j = 0; j < m; j++) sxx += (j - tMean) ** 2;
    const weights = new Float64Array(m).map((_, j) => 1 / m + ((m - 1 - tMean) * (j - tMean)) / sxx);
    for (const phi of [0.3, 0.9, 0.995]) {
      expect(ar1ContrastVariance(weights, phi)).toBeCloseTo(byEveryPair(weights, phi), 9);
    }
  });
});
