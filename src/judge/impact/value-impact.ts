/**
 * The impact of a value check that guards against a rise (latency): the share of the post window's
 * points above the baseline's 95th percentile. With no change about 5% of them are; a regression
 * that slows every request shows as a share far above it.
 *
 * What it means, honestly: a point is one value of the query per step (e.g. one p95 over a
 * rate() window), not one request, so this is the share of the post window's *time* whose value
 * was above the baseline's usual high, not the share of requests slower than the baseline p95. The
 * share of requests needs the query's histogram buckets, which the judge does not read.
 */
import type { Impact, Point, SeriesResult } from '../../types.js';
import type { CheckSpec } from '../../spec-model.js';
import { quantileUnsorted } from '../stats/select.js';

/** Fewest baseline points whose 95th percentile is worth comparing with (one point in 20 above it). */
export const MIN_BASELINE_POINTS = 20;

/** The finite values of `points`, in one pass (the judge reads 10,000-point windows). */
function finite(points: readonly Point[]): Float64Array {
  const values = new Float64Array(points.length);
  let n = 0;
  for (const point of points) if (Number.isFinite(point.v)) values[n++] = point.v;
  return values.subarray(0, n);
}

/** The share of post points above the baseline p95, or null when the data do not allow it. */
export function shareAboveBaselineP95(
  baseline: readonly Point[],
  candidate: readonly Point[],
): Extract<Impact, { kind: 'share-above-baseline-p95' }> | null {
  const b = finite(baseline);
  const c = finite(candidate);
  if (b.length < MIN_BASELINE_POINTS || c.length === 0) return null;
  // A selection, not a sort: the judge would otherwise sort every baseline a second time.
  const threshold = quantileUnsorted(b, 0.95);
  let above = 0;
  for (const v of c) if (v > threshold) above++;
  return {
    kind: 'share-above-baseline-p95',
    share: above / c.length,
    above,
    points: c.length,
    threshold,
    basis: 'points',
  };
}

/** A value series' result with its impact, for checks whose bad direction is a rise. */
export function withValueImpact(
  result: SeriesResult,
  pair: { baseline: readonly Point[]; candidate: readonly Point[] },
  check: Pick<CheckSpec, 'direction'>,
): SeriesResult {
  if (check.direction !== 'increase') return result;
  const impact = shareAboveBaselineP95(pair.baseline, pair.candidate);
  return impact === null ? result : { ...result, impact };
}
