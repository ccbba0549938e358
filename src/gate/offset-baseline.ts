/**
 * `baseline.offset`: the baseline is read at the same time of day `offset` earlier, so a daily
 * (or weekly) traffic pattern is the same on both sides. The window ends `offset` before the post
 * window ends and is `baseline.window` long, so it covers the post window's time of day.
 */
import { alignDown, assertRangeResolution, tidy } from '../time/windows.js';
import type { TimeRange, Windows } from '../types.js';

/** The nominal (unaligned) offset baseline for a post window ending at `postEnd`. */
export function offsetBaselineWindow(
  postEnd: number,
  offset: number,
  baselineWindow: number,
): { start: number; end: number } {
  return { start: postEnd - offset - baselineWindow, end: postEnd - offset };
}

/**
 * The windows with the baseline moved `offset` back, aligned to the step like computeWindows. It
 * never ends after `latestEnd` (the last point at or before the deploy): a post window that ends
 * on a later step than its nominal end (the alignment of the deploy, a query range longer than
 * the window) would otherwise move it across the deploy, reading post-deploy data as baseline.
 */
export function withOffsetBaseline(
  windows: Windows,
  offset: number,
  baselineWindow: number,
  latestEnd: number,
): Windows {
  const { step } = windows.post;
  const end = Math.min(latestEnd, alignDown(windows.post.end - offset, step));
  const baseline: TimeRange = { start: tidy(end - alignDown(baselineWindow, step)), end, step };
  assertRangeResolution(baseline, 'baseline');
  return { ...windows, baseline };
}
