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
  // Branch-free halving (the comparison picks the half without a jump the CPU must guess): on
  // random data a third faster than the usual binary search, which is most of the growth test's
  // time on 10,000-point windows.
  let lo = 0;
  let length = sorted.length;
  while (length > 1) {
    const half = length >> 1;
    lo = sorted[lo + half - 1]! < x ? lo + half : lo;
    length -= half;
  }
  if (length === 1 && sorted[lo]! < x) lo++;
  // Ties are rare in continuous data: count them by walking on from the first one.
  let upper = lo;
  while (upper < sorted.length && sorted[upper] === x) upper++;
  return lo + (upper - lo) / 2;
}

/**
 * The weighted mean placement among the baseline of the post points `values`, each moved to
 * `scale` x v - `offset` first (the tolerance's rescaling), in [0, 1].
 */
export function weightedPlacement(
  baselineSorted: Float64Array,
  values: Float64Array,
  weights: Float64Array,
  scale: number,
  offset: number,
): number {
  const n = baselineSorted.length;
  let total = 0;
  for (let j = 0; j < values.length; j++) total += weights[j]! * placement(baselineSorted, scale * values[j]! - offset);
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
  for (let j = 0; j < weights.length; j++) squares += weights[j]! * weights[j]!;
  const candidate = ar1ContrastVariance(weights, dependence.persistence);
  return Math.sqrt((candidate + (Math.max(1, dependence.baselineFactor) * (1 + squares)) / n) / 12);
}
