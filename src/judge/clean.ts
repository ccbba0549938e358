/**
 * The first stage of the judge: NaN and ±Inf are classified and counted, never compared as
 * numbers (a NaN from histogram_quantile with no traffic is missing data, not a low latency).
 */
import type { Point } from '../types.js';

/** One side of a series after cleaning: what can be tested, and what was set aside. */
export interface CleanSample {
  /** The finite values, sorted ascending. */
  sorted: Float64Array;
  nan: number;
  positiveInfinite: number;
  negativeInfinite: number;
}

/** Split points into sorted finite values and counts of NaN, +Inf and -Inf. */
export function cleanPoints(points: readonly Point[]): CleanSample {
  const finite = new Float64Array(points.length);
  let n = 0;
  let nan = 0;
  let positiveInfinite = 0;
  let negativeInfinite = 0;
  for (let i = 0; i < points.length; i++) {
    const v = points[i]!.v;
    if (Number.isFinite(v)) finite[n++] = v;
    else if (v === Infinity) positiveInfinite++;
    else if (v === -Infinity) negativeInfinite++;
    else nan++; // NaN, and anything a source let through that is not a number
  }
  return { sorted: finite.subarray(0, n).sort(), nan, positiveInfinite, negativeInfinite };
}
