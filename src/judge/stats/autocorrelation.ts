/**
 * How much autocorrelation inflates the variance of a window's mean rank, and the effective
 * sample size that follows. Range-query points are not independent: overlapping rate() windows,
 * steps shorter than the scrape interval and slow load changes make neighbours alike, and a test
 * that counts n points as n samples then cries wolf (8% to 36% false alarms at phi 0.5 to 0.95).
 *
 * The model is AR(1) on the ranks (the ranks are what the Mann-Whitney statistic averages, so
 * heavy tails do not distort the estimate). The lag-1 autocorrelation of a short series is biased
 * low by about (1 + 4 phi) / n (Kendall), which at n = 21 is 0.2 for phi = 0.8; it is corrected by
 * solving r = phi - (1 + 4 phi) / n for phi. Both sides of a comparison measure the same query, so
 * their corrected estimates are pooled (weighted by length): one side of 21 points alone would
 * estimate phi with a standard error of about 0.25, too noisy to calibrate a test on.
 *
 * Even pooled, the inflation is an estimate, and an underestimate is a false alarm. Its
 * uncertainty is carried into the test as Student-t degrees of freedom: sd(ln f) is about
 * 2 / sqrt((1 - phi^2) N) for N points, and a variance known to that relative precision is
 * worth df = 2 / sd^2 = (1 - phi^2) N / 2 (41 for iid 61 + 21 points, 4 at phi = 0.95).
 */

/** Below this many points a side's autocorrelation is not estimated (the bias correction diverges). */
const MIN_POINTS = 8;
/** phi is capped here: beyond it a window of points carries about one independent value anyway. */
const MAX_PHI = 0.98;
/** Longer sides are estimated on their first this-many points: the standard error is then ~0.02, and 10,000-point windows stay fast. */
const MAX_ESTIMATED = 2000;

/** The autocorrelation estimate and the variance inflation of each side. */
export interface Inflation {
  /** The pooled, bias-corrected lag-1 autocorrelation of the ranks, in [0, MAX_PHI]; 0 when not estimated. */
  phi: number;
  /** Variance inflation of each side's mean, >= 1, in the order the sides were given. */
  factors: number[];
  /** n / factor per side. */
  nEffective: number[];
  /** False when every side was too short to estimate anything (factors are then 1). */
  estimated: boolean;
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
export function ar1Inflation(phi: number, n: number): number {
  if (!(phi > 0) || n < 2) return 1;
  let sum = 0;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= phi;
    if (power < 1e-12) break;
    sum += (1 - k / n) * power;
  }
  return 1 + 2 * sum;
}

/** One side: its values in time order and sorted. */
export interface OrderedSample {
  ordered: Float64Array;
  sorted: Float64Array;
}

/** Pool the sides' bias-corrected lag-1 rank autocorrelations and inflate each side by it. */
export function estimateInflation(sides: readonly OrderedSample[]): Inflation {
  let weighted = 0;
  let weight = 0;
  for (const side of sides) {
    const long = side.ordered.length > MAX_ESTIMATED;
    const ordered = long ? side.ordered.subarray(0, MAX_ESTIMATED) : side.ordered;
    const n = ordered.length;
    if (n < MIN_POINTS) continue;
    const r = lag1RankAutocorrelation(ordered, long ? Float64Array.from(ordered).sort() : side.sorted);
    if (Number.isNaN(r)) continue;
    weighted += n * correctLag1Bias(r, n);
    weight += n;
  }
  const estimated = weight > 0;
  const phi = estimated ? Math.min(MAX_PHI, Math.max(0, weighted / weight)) : 0;
  const factors = sides.map((s) => ar1Inflation(phi, s.ordered.length));
  const degreesOfFreedom = phi > 0 ? Math.max(1, ((1 - phi * phi) * weight) / 2) : Infinity;
  return { phi, factors, nEffective: sides.map((s, i) => s.ordered.length / factors[i]!), estimated, degreesOfFreedom };
}

/** Share of consecutive points that repeat the previous non-zero value exactly (zeros repeat for want of events, not of scrapes). */
export function repeatedShare(ordered: Float64Array): number {
  if (ordered.length < 2) return 0;
  let same = 0;
  for (let i = 1; i < ordered.length; i++) if (ordered[i] === ordered[i - 1] && ordered[i] !== 0) same++;
  return same / (ordered.length - 1);
}
