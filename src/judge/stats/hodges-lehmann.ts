/**
 * The Hodges-Lehmann shift: the median of all pairwise differences candidate[j] - baseline[i]
 * (positive = the candidate is larger), and its confidence interval by inverting the
 * Mann-Whitney test with the normal approximation and continuity correction, as R's
 * `wilcox.test(candidate, baseline, conf.int = TRUE, exact = FALSE, correct = TRUE)` does.
 *
 * R finds the interval ends by root-finding on the test statistic; the roots are order statistics
 * of the pairwise differences, so here they are selected directly: the lower end is D(k_lo) with
 * k_lo = ceil(nm/2 - 1/2 - z sigma), the upper D(k_hi) with k_hi = floor(nm/2 + 1/2 + z sigma) + 1,
 * where sigma uses the ties inside each sample (those that survive shifting one sample by d).
 */
import { normalQuantile } from './normal.js';
import { pairwiseDifferenceRanks } from './pairwise-differences.js';
import { assertFinite, sortedCopy, tieTerm } from './sorted.js';

/** The shift estimate and its two-sided confidence interval. */
export interface HodgesLehmannResult {
  /** Median of candidate - baseline over all pairs. */
  estimate: number;
  /** Two-sided confidence interval of the shift at `confidence`. */
  lower: number;
  upper: number;
  confidence: number;
}

/** Ranks (1-based) of the pairwise differences that bound the two-sided interval. */
export function hodgesLehmannIntervalRanks(
  n: number,
  m: number,
  withinSampleTies: number,
  confidence: number,
  varianceInflation = 1,
): { lower: number; upper: number } {
  const nm = n * m;
  const N = n + m;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  // Autocorrelated samples widen the interval by the same factor as the test's variance.
  const sigma = Math.sqrt((nm / 12) * (N + 1 - withinSampleTies / (N * (N - 1))) * Math.max(1, varianceInflation));
  const c = nm / 2 + 0.5 + z * sigma;
  const clamp = (k: number): number => Math.min(nm, Math.max(1, k));
  return { lower: clamp(Math.ceil(nm - c)), upper: clamp(Math.floor(c) + 1) };
}

/** Hodges-Lehmann on sorted, finite, non-empty arrays (the judge's fast path); `varianceInflation` widens the interval. */
export function hodgesLehmannSorted(
  baseline: Float64Array,
  candidate: Float64Array,
  confidence: number,
  varianceInflation = 1,
): HodgesLehmannResult {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const n = baseline.length;
  const m = candidate.length;
  if (n === 0 || m === 0) throw new RangeError('Hodges-Lehmann needs at least one value on each side');
  const nm = n * m;
  const ranks = hodgesLehmannIntervalRanks(n, m, tieTerm(baseline) + tieTerm(candidate), confidence, varianceInflation);
  const middle = nm % 2 === 1 ? [(nm + 1) / 2, (nm + 1) / 2] : [nm / 2, nm / 2 + 1];
  const [lower, upper, below, above] = pairwiseDifferenceRanks(baseline, candidate, [
    ranks.lower,
    ranks.upper,
    ...middle,
  ]) as [number, number, number, number];
  return { estimate: (below + above) / 2, lower, upper, confidence };
}

/** Hodges-Lehmann shift of candidate against baseline with its two-sided confidence interval. */
export function hodgesLehmann(
  baseline: readonly number[],
  candidate: readonly number[],
  confidence = 0.95,
): HodgesLehmannResult {
  assertFinite(baseline, 'hodgesLehmann baseline');
  assertFinite(candidate, 'hodgesLehmann candidate');
  return hodgesLehmannSorted(sortedCopy(baseline), sortedCopy(candidate), confidence);
}
