/**
 * A time-weighted Mann-Whitney: each post point's placement among the baseline (the share of
 * baseline values below it, ties counted half), averaged with weights over the post window. With
 * equal weights it is Mann-Whitney's U / (n m); weights that lean toward the window's end read a
 * change that grows through the window. Ranks keep the test's robustness to heavy tails, and with
 * weights that are never negative the statistic can only fall when any post point falls: a test
 * of it keeps its level for every change that leaves each point within the null.
 *
 * Under the null (post points distributed as the baseline's) its mean is 1/2 and its variance
 * (1/12) (sum w^2 + (1 + sum w^2) / n) for independent points and weights summing to 1 (the
 * Hajek projection, exact for continuous data; ties only lower it). With dependence, sum w^2 is
 * the weights' variance under AR(1) of the placements' persistence, and the baseline's share is
 * inflated by its long-run factor.
 */
import { ar1ContrastVariance } from './trend.js';

/** Baseline values (sorted ascending) below x, ties counted half. */
function placement(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  let upper = lo;
  hi = sorted.length;
  while (upper < hi) {
    const mid = (upper + hi) >> 1;
    if (sorted[mid]! <= x) upper = mid + 1;
    else hi = mid;
  }
  return lo + (upper - lo) / 2;
}

/** The weighted mean placement of `values` (post points, moved by `move`) among the baseline, in [0, 1]. */
export function weightedPlacement(
  baselineSorted: Float64Array,
  values: Float64Array,
  weights: Float64Array,
  move: (v: number) => number,
): number {
  const n = baselineSorted.length;
  let total = 0;
  for (let j = 0; j < values.length; j++) total += weights[j]! * placement(baselineSorted, move(values[j]!));
  return total / n;
}

/** How the points depend on their neighbours: the persistence of both windows and the baseline's long-run factor. */
export interface PlacementDependence {
  persistence: number;
  baselineFactor: number;
}

/** The standard deviation of weightedPlacement under the null, for weights summing to 1 and n baseline points. */
export function weightedPlacementSd(weights: Float64Array, n: number, dependence: PlacementDependence): number {
  let squares = 0;
  for (const w of weights) squares += w * w;
  const candidate = ar1ContrastVariance(weights, dependence.persistence);
  return Math.sqrt((candidate + (Math.max(1, dependence.baselineFactor) * (1 + squares)) / n) / 12);
}
