/**
 * Points for a chart line: NaN/Inf dropped, the line broken where data is missing, and long
 * series thinned to a budget by keeping each bucket's lowest and highest point, so a one-step
 * spike still shows after a 10000-point window is drawn with 300.
 */
import type { Point } from '../../../types.js';

/** Points per side a chart draws at most: the page stays small with hundreds of series. */
export const MAX_POINTS_PER_SIDE = 300;

/** A break in the line when consecutive points are further apart than this many typical steps. */
const GAP_IN_STEPS = 2.5;

/** The points with a finite time and value. */
export function finitePoints(points: readonly Point[]): Point[] {
  return points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
}

/** The typical spacing of time-sorted points: the median positive gap (pooled series repeat times). */
export function typicalStep(points: readonly Point[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const gap = points[i]!.t - points[i - 1]!.t;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** Split time-sorted points into runs without missing data, so the line does not bridge a hole. */
export function splitAtGaps(points: readonly Point[]): Point[][] {
  const step = typicalStep(points);
  if (points.length === 0) return [];
  if (step === null) return [[...points]];
  const runs: Point[][] = [[points[0]!]];
  for (let i = 1; i < points.length; i++) {
    const point = points[i]!;
    if (point.t - points[i - 1]!.t > GAP_IN_STEPS * step) runs.push([point]);
    else runs[runs.length - 1]!.push(point);
  }
  return runs;
}

/** At most `maxPoints` of time-sorted points: per bucket of neighbours, its minimum and maximum in time order. */
export function downsampleMinMax(points: readonly Point[], maxPoints: number): Point[] {
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const kept: Point[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * points.length) / buckets);
    const to = Math.floor(((b + 1) * points.length) / buckets);
    let low = from;
    let high = from;
    for (let i = from + 1; i < to; i++) {
      if (points[i]!.v < points[low]!.v) low = i;
      if (points[i]!.v > points[high]!.v) high = i;
    }
    for (const index of low === high ? [low] : [Math.min(low, high), Math.max(low, high)]) kept.push(points[index]!);
  }
  return kept;
}

/** The runs a chart draws for one side: finite, split at gaps, thinned to `maxPoints` in total. */
export function chartRuns(points: readonly Point[], maxPoints = MAX_POINTS_PER_SIDE): Point[][] {
  const finite = finitePoints(points);
  const split = splitAtGaps(finite);
  // Data with holes everywhere is drawn as one line: hundreds of fragments would be unreadable.
  const runs = split.length > maxPoints / 4 ? [finite] : split;
  return runs.map((run) => downsampleMinMax(run, Math.max(2, Math.floor((maxPoints * run.length) / finite.length))));
}
