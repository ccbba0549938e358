/**
 * histogram_quantile as Prometheus computes it (promql/quantile.go): linear interpolation
 * inside the bucket that holds the rank, the lowest bucket starting at 0, the highest finite
 * upper bound returned when the rank falls in the +Inf bucket, and NaN without observations.
 */

/** One cumulative bucket: observations <= `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/** The q-quantile of cumulative buckets (any order); NaN when there is no +Inf bucket or no observation. */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  if (!(q >= 0 && q <= 1)) return q < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const last = sorted[sorted.length - 1];
  if (sorted.length < 2 || last === undefined || last.le !== Number.POSITIVE_INFINITY) return Number.NaN;
  // Counts from separately scraped buckets can be slightly non-monotonic: make them monotonic.
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as Bucket;
    const current = sorted[i] as Bucket;
    if (current.count < previous.count) sorted[i] = { le: current.le, count: previous.count };
  }
  const total = (sorted[sorted.length - 1] as Bucket).count;
  if (!(total > 0)) return Number.NaN;
  const rank = q * total;
  let index = sorted.findIndex((b) => b.count >= rank);
  if (index === sorted.length - 1) return (sorted[sorted.length - 2] as Bucket).le;
  if (index === 0 && (sorted[0] as Bucket).le <= 0) return (sorted[0] as Bucket).le;
  if (index < 0) index = sorted.length - 1;
  const upper = sorted[index] as Bucket;
  const lower = index === 0 ? { le: 0, count: 0 } : (sorted[index - 1] as Bucket);
  const inBucket = upper.count - lower.count;
  if (inBucket === 0) return upper.le;
  return lower.le + (upper.le - lower.le) * ((rank - lower.count) / inBucket);
}
