/**
 * Mann-Whitney for autocorrelated samples: the U statistic is unchanged, its variance is
 * inflated by what the dependence does to each side's mean rank. Under the null,
 * U / (nm) - 1/2 is the difference of the two sides' mean ranks, so
 * Var(U) = n^2 m^2 sigma_R^2 (f_x / n + f_y / m): the iid variance times
 * (f_x m + f_y n) / (n + m). With no inflation the plain test (exact when small) is used; with
 * inflation the standardised U is referred to Student's t with the inflation's degrees of freedom
 * (its uncertainty), not to the normal.
 */
import { mannWhitneySorted, smallestPossiblePValue, type Alternative, type MannWhitneyResult } from './mann-whitney.js';
import { normalQuantile } from './normal.js';
import { studentTSurvival, studentTUpperQuantile } from './student-t.js';

/** The multiplier of the iid U variance for inflation factors fx (n values) and fy (m values). */
export function uVarianceMultiplier(n: number, m: number, fx: number, fy: number): number {
  return (Math.max(1, fx) * m + Math.max(1, fy) * n) / (n + m);
}

/** The test of x against y (sorted, finite) with the U variance multiplied by `multiplier` (>= 1). */
export function mannWhitneyInflated(
  xs: Float64Array,
  ys: Float64Array,
  alternative: Alternative,
  multiplier: number,
  df = Infinity,
): MannWhitneyResult {
  if (!(multiplier > 1 + 1e-9)) return mannWhitneySorted(xs, ys, alternative);
  const plain = mannWhitneySorted(xs, ys, alternative, { method: 'asymptotic' });
  const z = plain.z / Math.sqrt(multiplier);
  const tail = plain.z === 0 && plain.pValue === 1 ? 1 : studentTSurvival(z, df);
  return { u: plain.u, z, pValue: Math.min(1, tail * (alternative === 'two-sided' ? 2 : 1)), method: 'asymptotic' };
}

/** The smallest p the inflated test can return for sizes n, m: when it is not below alpha nothing can be decided. */
export function smallestInflatedPValue(
  n: number,
  m: number,
  alternative: Alternative,
  multiplier: number,
  df = Infinity,
): number {
  const exact = smallestPossiblePValue(n, m, alternative);
  if (!(multiplier > 1 + 1e-9)) return exact;
  const nm = n * m;
  const z = (nm / 2 - 0.5) / Math.sqrt(((nm * (n + m + 1)) / 12) * multiplier);
  return Math.max(exact, Math.min(1, studentTSurvival(z, df) * (alternative === 'two-sided' ? 2 : 1)));
}

/** The multiplier that widens a normal-theory two-sided interval at `confidence` to the t interval with df. */
export function intervalMultiplier(multiplier: number, df: number, confidence: number): number {
  if (!(multiplier > 1 + 1e-9) || !Number.isFinite(df)) return multiplier;
  const tail = (1 - confidence) / 2;
  const ratio = studentTUpperQuantile(tail, df) / -normalQuantile(tail);
  return multiplier * ratio * ratio;
}
