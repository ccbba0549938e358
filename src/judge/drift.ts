/**
 * A note when a before/after comparison is exposed to a trend: traffic and latency drift through
 * the day, and a baseline that was already rising predicts a "change" after any deploy. The
 * baseline's Theil-Sen slope, if its Mann-Kendall test (widened for autocorrelation) is
 * significant, is extrapolated from the middle of the baseline to the middle of the post window;
 * when that alone moves the level by more than half the tolerance, the note says so. It never
 * changes the verdict: the remedy (a seasonal baseline, a canary) is the user's to choose.
 */
import { estimateInflation } from './stats/autocorrelation.js';
import { quantileSorted } from './stats/describe.js';
import { estimateTrend } from './stats/trend.js';
import { alphaOf } from './decide.js';
import { formatChange, formatP } from './wording.js';

/** One side's finite values in time order with their times, and sorted. */
export interface TimedSample {
  ordered: Float64Array;
  sorted: Float64Array;
  times: Float64Array;
}

/**
 * The autocorrelation of the baseline around its Theil-Sen line: a trend read as persistence
 * (every lag alike) would inflate the trend's own test away.
 */
function residualInflation(baseline: TimedSample): number {
  const slope = estimateTrend(baseline.times, baseline.ordered)?.slope ?? 0;
  // The estimator reads at most the last 2,000 points: the rest need no residual (or sort).
  const from = Math.max(0, baseline.ordered.length - 2000);
  const residuals = baseline.ordered
    .subarray(from)
    .map((v, i) => v - slope * (baseline.times[from + i]! - baseline.times[0]!));
  return estimateInflation([{ ordered: residuals, sorted: Float64Array.from(residuals).sort() }]).factors[0]!;
}

const mid = (times: Float64Array): number => (times[0]! + times[times.length - 1]!) / 2;

/** The drift note for a baseline judged against a later post window, or null when there is no material trend. */
export function describeDrift(
  baseline: TimedSample,
  postTimes: Float64Array,
  check: { tolerance: number; confidence: number },
  inflation?: number,
): string | null {
  if (baseline.ordered.length < 8 || postTimes.length === 0) return null;
  const level = Math.abs(quantileSorted(baseline.sorted, 0.5));
  if (!(level > 0)) return null;
  const trend = estimateTrend(baseline.times, baseline.ordered, inflation ?? residualInflation(baseline));
  if (trend === null || !(trend.pValue < alphaOf(check.confidence))) return null;
  const perHour = (trend.slope * 3600) / level;
  const move = (trend.slope * (mid(postTimes) - mid(baseline.times))) / level;
  if (!(Math.abs(move) > check.tolerance / 2)) return null;
  return (
    `the baseline trends ${formatChange(perHour)} per hour (Theil-Sen, ${formatP(trend.pValue)}): by the middle of the post window ` +
    `that alone moves the level ${formatChange(move)}, more than half the tolerance; a before/after comparison may mistake it for the deploy. ` +
    'Consider baseline.offset (e.g. 1d or 7d) or a canary comparison'
  );
}
