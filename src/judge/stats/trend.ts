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
  const variance = ((n * (n - 1) * (2 * n + 5)) / 18) * Math.max(1, inflation);
  const z = (Math.abs(s) - 1) / Math.sqrt(variance);
  return { slope, pValue: Math.min(1, 2 * normalSurvival(Math.max(0, z))) };
}
