/** The baseline and post windows of a run, aligned to the query step. Times are unix seconds. */
import { UsageError } from '../errors.js';
import { formatDuration } from './duration.js';
import type { TimeRange, Windows } from '../types.js';

/** Prometheus refuses a range query with more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11000;

export interface WindowOptions {
  deployedAt: number;
  /** Seconds after the deploy before the post window starts. */
  warmup: number;
  baselineWindow: number;
  postWindow: number;
  step: number;
  /**
   * Seconds of data one point reads back: the query's range (`rate(x[1m])` at t reads (t - 60, t]),
   * the step for a count check. 0 when omitted.
   */
  lookback?: number;
}

/** Round away float noise (0.1 + 0.2) so aligned times print and compare cleanly. */
export function tidy(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** The step boundary at or before `seconds`. */
export function alignDown(seconds: number, step: number): number {
  return tidy(Math.floor(tidy(seconds / step)) * step);
}

/** The step boundary at or after `seconds`. */
export function alignUp(seconds: number, step: number): number {
  return tidy(Math.ceil(tidy(seconds / step)) * step);
}

/** Number of evaluation points Prometheus returns for `range`: start, start+step, ... <= end. */
export function pointsInRange(range: TimeRange): number {
  if (range.end < range.start) return 0;
  return Math.floor(tidy((range.end - range.start) / range.step)) + 1;
}

/** Throw a UsageError when `range` needs more points than Prometheus answers for one query. */
export function assertRangeResolution(range: TimeRange, label: string): void {
  const intervals = (range.end - range.start) / range.step;
  if (intervals <= MAX_POINTS_PER_SERIES) return;
  const minStep = Math.ceil((range.end - range.start) / MAX_POINTS_PER_SERIES);
  throw new UsageError(
    `the ${label} window (${formatDuration(range.end - range.start)}) at step ${formatDuration(range.step)} ` +
      `needs ${Math.floor(intervals) + 1} points per series, more than the ${MAX_POINTS_PER_SERIES} Prometheus ` +
      `answers: raise \`step\` to at least ${formatDuration(minStep)} or shorten the window`,
  );
}

/**
 * Compute the windows a check compares. The baseline ends at the last step at or before the
 * deploy, so its last point's range (which ends at the point) reads nothing after the deploy. The
 * post window's first point is the first step whose range starts at or after deploy + warmup
 * (t - lookback >= deploy + warmup), so no point of it reads data from before the deploy. Both
 * hold a whole number of steps.
 *
 * Each point belongs to exactly one window: the point at the deploy instant (a deploy on the step
 * grid without warmup or range) measures the version before it, so it ends the baseline and the
 * post window's points start one step later. The post window still ends where its nominal length
 * puts it (its points' ranges then cover the window), with at least one point.
 */
export function computeWindows(options: WindowOptions): Windows {
  const { deployedAt, warmup, baselineWindow, postWindow, step } = options;
  const lookback = options.lookback ?? 0;
  if (!(step > 0) || !Number.isFinite(step)) throw new UsageError(`step must be a positive duration, got ${step}`);
  if (!(warmup >= 0) || !(baselineWindow >= 0) || !(postWindow >= 0) || !(lookback >= 0)) {
    throw new UsageError('warmup and window durations must not be negative');
  }
  const baselineEnd = alignDown(deployedAt, step);
  const postFrom = alignUp(deployedAt + warmup, step);
  const firstRead = alignUp(deployedAt + warmup + lookback, step);
  const postStart = firstRead > baselineEnd ? firstRead : tidy(firstRead + step);
  // A post window shorter than one step still reads the first point after the deploy.
  const postEnd = Math.max(postStart, tidy(postFrom + alignDown(postWindow, step)));
  const baseline: TimeRange = {
    start: tidy(baselineEnd - alignDown(baselineWindow, step)),
    end: baselineEnd,
    step,
  };
  const post: TimeRange = { start: postStart, end: postEnd, step };
  assertRangeResolution(baseline, 'baseline');
  assertRangeResolution(post, 'post');
  return { deployedAt, baseline, post, postOpens: postFrom };
}

/**
 * The ranges each side of a check is read over: before/after mode compares the baseline window
 * with the post window; canary mode reads both queries over the post window.
 */
export function rangesForCheck(windows: Windows, canary: boolean): { baseline: TimeRange; candidate: TimeRange } {
  return canary
    ? { baseline: windows.post, candidate: windows.post }
    : { baseline: windows.baseline, candidate: windows.post };
}
