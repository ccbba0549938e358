/**
 * How much autocorrelation inflates the variance of a window's mean rank, and the effective
 * sample size that follows. Range-query points are not independent: overlapping rate() windows,
 * steps shorter than the scrape interval and slow load changes make neighbours alike, and a test
 * that counts n points as n samples then cries wolf (8% to 36% false alarms at phi 0.5 to 0.95).
 *
 * The dependence is read on the ranks within each side (what the Mann-Whitney statistic averages,
 * so heavy tails do not distort it) by the long-run variance estimator of
 * stats/long-run-variance.ts: an AR(1) persistence read at several lags, bias-corrected, used at
 * an upper confidence value once lag 1 shows any dependence, and borrowed (a conservative 0.9)
 * when the window is too short to estimate it. Its uncertainty is carried into the test as
 * Student-t degrees of freedom, (1 - phi^2) N / 2 for N pooled points.
 */
import { ar1Factor, longRunOf, MAX_ESTIMATED, type LongRun } from './long-run-variance.js';

/** The autocorrelation estimate and the variance inflation of each side. */
export interface Inflation {
  /** The persistence the variance assumes (an upper confidence value, or the borrowed value); 0 when no dependence shows. */
  phi: number;
  /** Variance inflation of each side's mean, >= 1, in the order the sides were given. */
  factors: number[];
  /** n / factor per side. */
  nEffective: number[];
  /** False when the window was too short to estimate the persistence (a conservative one was borrowed). */
  estimated: boolean;
  /** 'estimated' from the data, or 'borrowed' (too short to estimate: a conservative persistence is assumed). */
  basis: LongRun['basis'];
  /** Degrees of freedom of the inflated variance (Infinity when nothing was inflated). */
  degreesOfFreedom: number;
}

/** Mid-ranks (1-based) of `ordered` by binary search in its sorted copy `sorted`. */
function ranksOf(ordered: Float64Array, sorted: Float64Array): Float64Array {
  const ranks = new Float64Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const v = ordered[i]!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = sorted.length;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid]! <= v) end = mid + 1;
      else hi = mid;
    }
    ranks[i] = (lo + 1 + end) / 2;
  }
  return ranks;
}

/** Lag-1 autocorrelation of the ranks of `ordered` (time order); `sorted` is the same values sorted. NaN when all are tied. */
export function lag1RankAutocorrelation(ordered: Float64Array, sorted: Float64Array): number {
  const n = ordered.length;
  if (n < 3) return 0;
  const ranks = ranksOf(ordered, sorted);
  const mean = (n + 1) / 2;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = ranks[i]! - mean;
    den += d * d;
    if (i + 1 < n) num += d * (ranks[i + 1]! - mean);
  }
  return den > 0 ? num / den : NaN; // every value tied: no information either way
}

/** phi from a lag-1 autocorrelation r of n points, undoing Kendall's bias E[r] = phi - (1 + 4 phi) / n. */
export function correctLag1Bias(r: number, n: number): number {
  return (r * n + 1) / (n - 4);
}

/** Variance of the mean of n AR(1) points relative to n independent ones: 1 + 2 sum (1 - k/n) phi^k. */
export const ar1Inflation = ar1Factor;

/** One side: its values in time order and sorted. */
export interface OrderedSample {
  ordered: Float64Array;
  sorted: Float64Array;
}

/** The long-run variance of the sides' within-side ranks, as inflation factors per side. */
export function estimateInflation(sides: readonly OrderedSample[]): Inflation {
  // Ranked within the points the estimator reads (its last MAX_ESTIMATED): 10,000-point windows stay fast.
  const ranks = sides.map((s) => {
    if (s.ordered.length <= MAX_ESTIMATED) return ranksOf(s.ordered, s.sorted);
    const last = s.ordered.subarray(s.ordered.length - MAX_ESTIMATED);
    return ranksOf(last, Float64Array.from(last).sort());
  });
  const longRun = longRunOf(ranks);
  const factors = sides.map((s) => longRun.factorFor(s.ordered.length));
  return {
    phi: longRun.persistence,
    factors,
    nEffective: sides.map((s, i) => s.ordered.length / factors[i]!),
    estimated: longRun.basis === 'estimated',
    basis: longRun.basis,
    degreesOfFreedom: longRun.degreesOfFreedom,
  };
}

/** Share of consecutive points that repeat the previous non-zero value exactly (zeros repeat for want of events, not of scrapes). */
export function repeatedShare(ordered: Float64Array): number {
  if (ordered.length < 2) return 0;
  let same = 0;
  for (let i = 1; i < ordered.length; i++) if (ordered[i] === ordered[i - 1] && ordered[i] !== 0) same++;
  return same / (ordered.length - 1);
}
