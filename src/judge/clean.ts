/**
 * The first stage of the judge: NaN and ±Inf are classified and counted, never compared as
 * numbers (a NaN from histogram_quantile with no traffic is missing data, not a low latency).
 */
import type { Point } from '../types.js';

/** One side of a series after cleaning: what can be tested, and what was set aside. */
export interface CleanSample {
  /** The finite values, sorted ascending. */
  sorted: Float64Array;
  /** The finite values in time order (for autocorrelation and trends). */
  ordered: Float64Array;
  /** The timestamps of `ordered`. */
  times: Float64Array;
  nan: number;
  positiveInfinite: number;
  negativeInfinite: number;
}

/** Split points into sorted finite values and counts of NaN, +Inf and -Inf. */
export function cleanPoints(input: readonly Point[]): CleanSample {
  // Pooled series (several pods under one label set) arrive one after the other: order by time.
  const points = inTimeOrder(input);
  const finite = new Float64Array(points.length);
  const times = new Float64Array(points.length);
  let n = 0;
  let nan = 0;
  let positiveInfinite = 0;
  let negativeInfinite = 0;
  for (let i = 0; i < points.length; i++) {
    const v = points[i]!.v;
    if (Number.isFinite(v)) {
      times[n] = points[i]!.t;
      finite[n++] = v;
    } else if (v === Infinity) positiveInfinite++;
    else if (v === -Infinity) negativeInfinite++;
    else nan++; // NaN, and anything a source let through that is not a number
  }
  const ordered = finite.subarray(0, n);
  return {
    sorted: Float64Array.from(ordered).sort(),
    ordered,
    times: times.subarray(0, n),
    nan,
    positiveInfinite,
    negativeInfinite,
  };
}

/** The points sorted by time: the same array when they already are (the usual case), else a sorted copy. */
export function inTimeOrder<P extends { t: number }>(points: readonly P[]): readonly P[] {
  for (let i = 1; i < points.length; i++)
    if (points[i]!.t < points[i - 1]!.t) return [...points].sort((a, b) => a.t - b.t);
  return points;
}
