/**
 * A note when a before/after comparison is exposed to a trend: traffic and latency drift through
 * the day, and a baseline that was already rising predicts a "change" after any deploy. The
 * baseline's Theil-Sen slope, if its Mann-Kendall test (widened for autocorrelation) is
 * significant, is extrapolated from the middle of the baseline to the middle of the post window;
 * when that alone moves the level by more than half the tolerance, the note says so. It never
 * changes the verdict: the remedy (a seasonal baseline, a canary) is the user's to choose.
 */
import type { Direction } from '../types.js';
import { estimateInflation } from './stats/autocorrelation.js';
import { quantileSorted } from './stats/describe.js';
import { longRunOf, MIN_PAIRS } from './stats/long-run-variance.js';
import { studentTSurvival, studentTUpperQuantile } from './stats/student-t.js';
import { estimateTrend, fitPostWindowLine, trendPValue, type PostWindowLine } from './stats/trend.js';
import { alphaOf, pInDirection } from './decide.js';
import { formatChange, formatP, formatPercent } from './wording.js';

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
function residualInflation(baseline: TimedSample, slope: number): number {
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
  // One Theil-Sen fit: its slope detrends the residuals whose persistence then re-tests its S.
  const fit = estimateTrend(baseline.times, baseline.ordered);
  if (fit === null) return null;
  const factor = inflation ?? residualInflation(baseline, fit.slope);
  const trend = { ...fit, pValue: trendPValue(fit.kendallS, fit.points, factor) };
  if (!(trend.pValue < alphaOf(check.confidence))) return null;
  const perHour = (trend.slope * 3600) / level;
  const move = (trend.slope * (mid(postTimes) - mid(baseline.times))) / level;
  if (!(Math.abs(move) > check.tolerance / 2)) return null;
  return (
    `the baseline trends ${formatChange(perHour)} per hour (Theil-Sen, ${formatP(trend.pValue)}): by the middle of the post window ` +
    `that alone moves the level ${formatChange(move)}, more than half the tolerance; a before/after comparison may mistake it for the deploy. ` +
    'Consider baseline.offset (e.g. 1d or 7d) or a canary comparison'
  );
}

/** The growth test runs on post windows of at least this many points (fixed before the data are seen). */
export const MIN_GROWTH_POINTS = 12;

/** A change that grows through the post window: the fitted line's start and end against the baseline. */
export interface Growth {
  /** One-sided p of "the end level is within the tolerance" (two-sided for `either`). */
  pValue: number;
  /** Relative change of the fitted line at the first and the last post point. */
  start: number;
  end: number;
  /** The end level's one-sided (1 - alpha) bound on the bad side, relative. */
  endBound: number;
  /** True when the line rises through the window the bad way beyond chance (one-sided at alpha). */
  growing: boolean;
}

/**
 * Slow burns: a regression that keeps growing after the deploy (a leak, a filling queue) spreads
 * over the post window, so the window's shift understates where it ends. A straight line is fitted
 * to the post window (log scale when every value is positive) and its level at the window's end
 * is tested against the baseline's mean, with the tolerance in the null; the line's residuals and
 * the baseline give the long-run variance, so a healthy wandering window does not read as a trend.
 */
export function testGrowth(
  baseline: TimedSample,
  candidate: TimedSample,
  check: { direction: Direction; tolerance: number; confidence: number },
  alpha: number,
): Growth | null {
  if (candidate.ordered.length < MIN_GROWTH_POINTS || baseline.ordered.length < 2) return null;
  const log = baseline.sorted[0]! > 0 && candidate.sorted[0]! > 0;
  const scale = log ? 1 : Math.abs(quantileSorted(baseline.sorted, 0.5));
  if (!(scale > 0)) return null;
  const work = (values: Float64Array): Float64Array => values.map((v) => (log ? Math.log(v) : v / scale));
  const b = work(baseline.ordered);
  const c = work(candidate.ordered);
  const first = fitPostWindowLine(b, candidate.times, c, 0, 1, Infinity);
  if (first === null) return null;
  // The baseline, read before the deploy, shows the series' own wander; a line fitted to a short
  // post window absorbs part of it, so its residuals would understate the persistence.
  const longRun = longRunOf(b.length > MIN_PAIRS ? [b] : [b, first.residuals]);
  const fit = fitPostWindowLine(
    b,
    candidate.times,
    c,
    longRun.persistence,
    longRun.factorFor(b.length),
    longRun.degreesOfFreedom,
  );
  return growthOf(fit === null ? null : fit.line, log, check, alpha);
}

/**
 * The same test on paired differences (log ratios when `log`, else differences over the baseline
 * level) in time order: the line through them is the change itself, its end tested against the
 * tolerance. Their persistence is read from the line's residuals (a growing change would read as
 * persistence in the differences themselves), at the long-run variance's upper confidence value.
 */
export function testPairedGrowth(
  times: Float64Array,
  differences: Float64Array,
  log: boolean,
  check: { direction: Direction; tolerance: number },
  alpha: number,
): Growth | null {
  if (differences.length < MIN_GROWTH_POINTS) return null;
  const none = new Float64Array(0);
  const first = fitPostWindowLine(none, times, differences, 0, 1, Infinity);
  if (first === null) return null;
  const longRun = longRunOf([first.residuals]);
  const fit = fitPostWindowLine(none, times, differences, longRun.persistence, 1, longRun.degreesOfFreedom);
  return growthOf(fit === null ? null : fit.line, log, check, alpha);
}

function growthOf(
  line: PostWindowLine | null,
  log: boolean,
  check: { direction: Direction; tolerance: number },
  alpha: number,
): Growth | null {
  if (line === null || !(line.endError > 0)) return null;
  const { start, end, endError, riseError, degreesOfFreedom: df } = line;
  const up = log ? Math.log1p(check.tolerance) : check.tolerance;
  const down = log ? (check.tolerance < 1 ? Math.log1p(-check.tolerance) : -Infinity) : -check.tolerance;
  const pUp = studentTSurvival((end - up) / endError, df);
  const pDown = studentTSurvival((down - end) / endError, df);
  const pValue = pInDirection(pUp, pDown, check.direction);
  const reach = studentTUpperQuantile(alpha, df) * endError;
  const bad = check.direction === 'decrease' || (check.direction === 'either' && end < 0) ? 1 : -1;
  const relative = (v: number): number => (log ? Math.expm1(v) : v);
  const riseBound = studentTUpperQuantile(alpha, df) * riseError;
  const growing = bad < 0 ? end - start > riseBound : start - end > riseBound;
  return { pValue, start: relative(start), end: relative(end), endBound: relative(end + bad * reach), growing };
}

/** "growing through the post window: +2.0% at its start, +57% at its end (...)". */
export function describeGrowth(growth: Growth, confidence: number): string {
  return (
    `${growth.growing ? 'growing through the post window' : 'a line through the post window'}: ` +
    `${formatChange(growth.start)} at its start, ${formatChange(growth.end)} at its end ` +
    `(fitted line; the end's one-sided ${formatPercent(confidence)} bound ${formatChange(growth.endBound)})`
  );
}
