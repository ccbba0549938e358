/**
 * How much two adjacent windows of this series differ when nothing was deployed: the backtest's
 * question (src/backtest replays the gate at past moments), answered from one range of history
 * instead of one run per moment. Every past moment whose baseline and post windows (the run's
 * lengths, the run's gap between them) lie inside the history gives one change, measured as the
 * judge measures a deploy's: the Hodges-Lehmann shift relative to the baseline's median, on the
 * log scale (log(1 + change)) when every change allows it, else as the relative change itself.
 * The spread is the root mean square of these changes around 0: a level that drifts by 3% a
 * window is as natural as one that wanders by 3%. A past deploy or incident inside the history
 * widens the spread, which errs towards passing; the report says how many moments it read.
 */
import type { Point } from '../../types.js';
import { cleanPoints } from '../clean.js';
import { meanOf, quantileSorted } from '../stats/describe.js';
import { pairwiseDifferenceRanks } from '../stats/pairwise-differences.js';

/** The run's window lengths and the history they are slid over (seconds; times are unix seconds). */
export interface HistoryGeometry {
  /** Length of the baseline window. */
  baseline: number;
  /** Seconds from the baseline window's end to the post window's start (warmup, or the offset's gap). */
  gap: number;
  /** Length of the post window. */
  post: number;
  /** The history: every replayed moment's windows lie inside [start, end]. */
  start: number;
  end: number;
}

/** The natural variability of one series' change between adjacent windows. */
export interface HistorySpread {
  /** Root mean square of the past changes: log(1 + change) when `scale` is 'log', else the relative change. */
  spread: number;
  scale: 'log' | 'relative';
  /** Past moments measured (overlapping windows). */
  moments: number;
  /** Non-overlapping spans of baseline + gap + post in the history: the degrees of freedom of the spread. */
  degreesOfFreedom: number;
  /** Root mean square of the past moments' `windowNoise`: how much points scatter inside history's windows. */
  noise?: number;
}

/** Why no spread could be measured. */
export interface HistoryShortfall {
  shortfall: string;
}

/** Fewest non-overlapping spans the spread is estimated from: below it the spread is a guess. */
export const MIN_HISTORY_SPANS = 5;
/** Most moments measured per series (the stride grows beyond it): enough for the spread, bounded in time. */
export const MAX_HISTORY_MOMENTS = 150;

/** The relative change of candidate against baseline as the judge sizes it (Hodges-Lehmann over the baseline's median), or null. */
export function relativeShift(baseline: Float64Array, candidate: Float64Array): number | null {
  const scale = Math.abs(quantileSorted(baseline, 0.5)) || Math.abs(meanOf(baseline));
  if (!(scale > 0)) return null;
  const nm = baseline.length * candidate.length;
  // Both middle ranks in one search when there are two (one pass over the differences, not two).
  const [low, high] = pairwiseDifferenceRanks(
    baseline,
    candidate,
    nm % 2 === 1 ? [(nm + 1) / 2] : [nm / 2, nm / 2 + 1],
  );
  const shift = high === undefined ? low! : (low! + high) / 2;
  return shift / scale;
}

/**
 * How much the points scatter inside a pair of windows, relative to the baseline's median: the
 * standard error of the difference of their means were the points independent. Persistence does
 * not enter it, so the current windows' figure and history's (the same measure over its past
 * moments) compare like with like: a ratio well above 1 says these windows are noisier than
 * history's, not merely that their own long-run variance was estimated cautiously. Null without a
 * relative scale or with fewer than two points a side.
 */
export function windowNoise(baseline: Float64Array, candidate: Float64Array): number | null {
  const scale = Math.abs(quantileSorted(baseline, 0.5)) || Math.abs(meanOf(baseline));
  if (!(scale > 0) || baseline.length < 2 || candidate.length < 2) return null;
  const varianceOfMean = (xs: Float64Array): number => {
    const mean = meanOf(xs);
    let sum = 0;
    for (const x of xs) sum += (x - mean) * (x - mean);
    return sum / (xs.length - 1) / xs.length;
  };
  const noise = Math.sqrt(varianceOfMean(baseline) + varianceOfMean(candidate)) / scale;
  return Number.isFinite(noise) ? noise : null;
}

/** The first index of `times` (ascending) at or after `t`. */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sortedSlice = (values: Float64Array, from: number, to: number): Float64Array => values.slice(from, to).sort();

/**
 * The spread of the change between adjacent windows over the history, or why there is none.
 * `minSamples` is the check's: a past moment with fewer usable points on a side is skipped.
 */
export function measureHistorySpread(
  points: readonly Point[],
  geometry: HistoryGeometry,
  minSamples: number,
): HistorySpread | HistoryShortfall {
  const span = geometry.baseline + geometry.gap + geometry.post;
  const length = geometry.end - geometry.start;
  const spans = Math.floor(length / span);
  if (spans < MIN_HISTORY_SPANS)
    return { shortfall: `the history holds ${spans} baseline + post span(s), fewer than ${MIN_HISTORY_SPANS}` };
  const clean = cleanPoints(points);
  const times = clean.times;
  const values = clean.ordered;
  const stride = Math.max(geometry.post, (length - span) / (MAX_HISTORY_MOMENTS - 1));
  const changes: number[] = [];
  const noises: number[] = [];
  const need = Math.max(1, minSamples);
  // Moments walk back from the newest: each one's post window ends `stride` before the last one's.
  for (let postEnd = geometry.end; postEnd - span >= geometry.start - 1e-9; postEnd -= stride) {
    const postStart = postEnd - geometry.post;
    const baselineEnd = postStart - geometry.gap;
    const baselineStart = baselineEnd - geometry.baseline;
    const b0 = lowerBound(times, baselineStart);
    const b1 = lowerBound(times, baselineEnd);
    const c0 = lowerBound(times, postStart);
    const c1 = lowerBound(times, postEnd + 1e-9);
    if (b1 - b0 < need || c1 - c0 < need) continue;
    const baseline = sortedSlice(values, b0, b1);
    const candidate = sortedSlice(values, c0, c1);
    const change = relativeShift(baseline, candidate);
    if (change === null || !Number.isFinite(change)) continue;
    changes.push(change);
    const noise = windowNoise(baseline, candidate);
    if (noise !== null) noises.push(noise);
  }
  // Enough moments to stand for the spans: most of them must have had data.
  const measuredSpans = Math.floor((changes.length * Math.min(stride, span)) / span);
  if (measuredSpans < MIN_HISTORY_SPANS)
    return {
      shortfall: `only ${changes.length} past moment(s) had ${need}+ usable points on both sides, fewer than ${MIN_HISTORY_SPANS} spans' worth`,
    };
  const log = changes.every((c) => c > -1);
  const measured = log ? changes.map((c) => Math.log1p(c)) : changes;
  const spread = Math.sqrt(measured.reduce((sum, d) => sum + d * d, 0) / measured.length);
  return {
    spread,
    scale: log ? 'log' : 'relative',
    moments: changes.length,
    degreesOfFreedom: Math.min(spans, measuredSpans),
    ...(noises.length > 0 ? { noise: Math.sqrt(noises.reduce((sum, x) => sum + x * x, 0) / noises.length) } : {}),
  };
}
