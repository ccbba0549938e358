/** Descriptive statistics of one side of a series, on sorted finite values. */
import type { Aggregate, SampleSummary } from '../../types.js';
import type { CleanSample } from '../clean.js';

/** Quantile type 7 (numpy "linear", simple-statistics `quantileSorted`) of a sorted, non-empty array. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  if (below === position || below + 1 >= sorted.length) return lower;
  return lower + (position - below) * ((sorted[below + 1] as number) - lower);
}

/** Arithmetic mean of a non-empty array. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

const AGGREGATE_QUANTILE: Record<Exclude<Aggregate, 'mean'>, number> = {
  median: 0.5,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
  max: 1,
};

/** The statistic `max` / `min` bound; null for an empty sample. */
export function aggregateSorted(sorted: Float64Array, aggregate: Aggregate): number | null {
  if (sorted.length === 0) return null;
  return aggregate === 'mean' ? meanOf(sorted) : quantileSorted(sorted, AGGREGATE_QUANTILE[aggregate]);
}

/** n, mean, median, p95 and the NaN/±Inf counts of a cleaned sample. */
export function describeSample(sample: CleanSample): SampleSummary {
  const { sorted } = sample;
  const empty = sorted.length === 0;
  return {
    n: sorted.length,
    mean: empty ? null : meanOf(sorted),
    median: empty ? null : quantileSorted(sorted, 0.5),
    p95: empty ? null : quantileSorted(sorted, 0.95),
    nan: sample.nan,
    infinite: sample.positiveInfinite + sample.negativeInfinite,
  };
}
