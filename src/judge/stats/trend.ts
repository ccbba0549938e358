/**
 * A robust trend of one window: the Theil-Sen slope (median of pairwise slopes) and the
 * Mann-Kendall test of it, with the test's variance inflated for autocorrelation like the judge's
 * other tests. Windows longer than MAX_POINTS are thinned evenly first (the slope needs O(n^2) pairs).
 */
import { normalSurvival } from './normal.js';

const MAX_POINTS = 120;

/** The slope (value per second) and the two-sided p-value of "no trend". */
export interface Trend {
  slope: number;
  pValue: number;
  /** Mann-Kendall's S and the points it was read on: trendPValue re-tests them under another inflation. */
  kendallS: number;
  points: number;
}

/** The two-sided p of Mann-Kendall's S on n points, its variance inflated `inflation` times. */
export function trendPValue(kendallS: number, n: number, inflation: number): number {
  const variance = ((n * (n - 1) * (2 * n + 5)) / 18) * Math.max(1, inflation);
  const z = (Math.abs(kendallS) - 1) / Math.sqrt(variance);
  return Math.min(1, 2 * normalSurvival(Math.max(0, z)));
}

function thin(times: ArrayLike<number>, values: ArrayLike<number>): { t: number[]; v: number[] } {
  const n = values.length;
  const size = Math.min(n, MAX_POINTS);
  const t: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < size; i++) {
    const at = Math.floor(((i + 0.5) * n) / size);
    t.push(times[at]!);
    v.push(values[at]!);
  }
  return { t, v };
}

/** Theil-Sen slope and Mann-Kendall p (two-sided) of values over times; `inflation` widens the test. */
export function estimateTrend(times: ArrayLike<number>, values: ArrayLike<number>, inflation = 1): Trend | null {
  const { t, v } = thin(times, values);
  const n = v.length;
  if (n < 3) return null;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dv = v[j]! - v[i]!;
      s += Math.sign(dv);
      const dt = t[j]! - t[i]!;
      if (dt !== 0) slopes[count++] = dv / dt;
    }
  }
  if (count === 0) return null;
  const sorted = slopes.subarray(0, count).sort();
  const mid = count >> 1;
  const slope = count % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { slope, pValue: trendPValue(s, n, inflation), kendallS: s, points: n };
}

/** A straight line fitted to the post window against the baseline's level, and its level weighted toward the window's end. */
export interface PostWindowLine {
  /** Fitted level at the first and the last post point minus the baseline's mean (working scale). */
  start: number;
  end: number;
  /** Standard error of end - start (the line's rise through the window), with the dependence. */
  riseError: number;
  /**
   * The post window's level weighted toward its end (weights `leanOf(u)` >= 0 at u = 0 at the
   * first post point to 1 at the last, normalised to sum 1) minus the baseline's mean, and its
   * standard error with the dependence: with weights that are never negative it never exceeds the
   * tolerance unless some post point does, whatever the change's shape.
   */
  level: number;
  levelError: number;
  degreesOfFreedom: number;
}

/**
 * Var(sum c_j x_j) / sigma^2 for x an AR(1) of persistence phi at unit spacing: c' R c with
 * R_ij = phi^|i-j|. (R c)_i = f_i + g_i - c_i, where f_i = c_i + phi f_(i-1) sums the weights at and
 * before i and g_i = c_i + phi g_(i+1) those at and after it, each discounted by its distance: O(m),
 * where summing the lags directly is O(m k) (k the lags until phi^k vanishes, ~200 at 0.9), which
 * was the largest share of the judge's time on 10,000-point windows.
 */
export function ar1ContrastVariance(weights: Float64Array, phi: number): number {
  const m = weights.length;
  let total = 0;
  for (let j = 0; j < m; j++) total += weights[j]! * weights[j]!;
  if (!(phi > 0) || m < 2) return total;
  const after = new Float64Array(m);
  let g = 0;
  for (let i = m - 1; i >= 0; i--) {
    g = weights[i]! + phi * g;
    after[i] = g;
  }
  let f = 0;
  total = 0;
  for (let i = 0; i < m; i++) {
    f = weights[i]! + phi * f;
    total += weights[i]! * (f + after[i]! - weights[i]!);
  }
  return total;
}

/**
 * Weights of the points at `times` for a mean leaning toward the window's end: leanOf(u) (u from 0
 * at the first point to 1 at the last), never negative, summing to 1.
 */
export function leanWeights(times: Float64Array, leanOf: (u: number) => number): Float64Array {
  const m = times.length;
  const span = times[m - 1]! - times[0]!;
  const weights = new Float64Array(m);
  let sum = 0;
  for (let j = 0; j < m; j++) {
    weights[j] = Math.max(0, leanOf(span > 0 ? (times[j]! - times[0]!) / span : 1));
    sum += weights[j]!;
  }
  for (let j = 0; j < m; j++) weights[j] = sum > 0 ? weights[j]! / sum : 1 / m;
  return weights;
}

/**
 * Least-squares line through the post window's values over time, its level at the window's start
 * and end relative to the baseline mean, and the standard error of its rise; and the mean weighted
 * by `leanOf` (PostWindowLine.level, the paired growth test's statistic) with its standard error:
 * the residual variance pooled with the baseline's, the weights' variance under AR(1) dependence
 * of persistence `persistence` (the level is a contrast of the post points), plus the baseline
 * mean's variance (`baselineFactor`: its long-run inflation). An empty baseline is a level of 0 (a
 * line through paired differences).
 */
export function fitPostWindowLine(
  baseline: Float64Array,
  times: Float64Array,
  values: Float64Array,
  persistence: number,
  baselineFactor: number,
  degreesOfFreedom: number,
  leanOf: (u: number) => number = () => 1,
): { line: PostWindowLine; residuals: Float64Array } | null {
  const m = values.length;
  const n = baseline.length;
  if (m < 3 || n === 1) return null;
  let tMean = 0;
  let vMean = 0;
  for (let j = 0; j < m; j++) {
    tMean += times[j]!;
    vMean += values[j]!;
  }
  tMean /= m;
  vMean /= m;
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < m; j++) {
    sxx += (times[j]! - tMean) ** 2;
    sxy += (times[j]! - tMean) * (values[j]! - vMean);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  let bMean = 0;
  for (const v of baseline) bMean += v;
  bMean = n > 0 ? bMean / n : 0;
  const residuals = new Float64Array(m);
  let ss = 0;
  for (let j = 0; j < m; j++) {
    residuals[j] = values[j]! - vMean - slope * (times[j]! - tMean);
    ss += residuals[j]! ** 2;
  }
  for (const v of baseline) ss += (v - bMean) ** 2;
  const variance = ss / (Math.max(0, n - 1) + m - 2);
  const tEnd = times[m - 1]!;
  const span = tEnd - times[0]!;
  const rise = new Float64Array(m);
  for (let j = 0; j < m; j++) rise[j] = (span * (times[j]! - tMean)) / sxx;
  const riseError = Math.sqrt(variance * ar1ContrastVariance(rise, persistence));
  const lean = leanWeights(times, leanOf);
  let level = -bMean;
  for (let j = 0; j < m; j++) level += lean[j]! * values[j]!;
  const levelError = Math.sqrt(variance * (ar1ContrastVariance(lean, persistence) + (n > 0 ? baselineFactor / n : 0)));
  return {
    line: {
      start: vMean + slope * (times[0]! - tMean) - bMean,
      end: vMean + slope * (tEnd - tMean) - bMean,
      riseError,
      level,
      levelError,
      degreesOfFreedom: Math.max(1, Math.min(Math.max(0, n - 1) + m - 2, degreesOfFreedom)),
    },
    residuals,
  };
}
