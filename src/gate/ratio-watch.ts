/**
 * The one step the early-stop looks take for a ratio query of counts (ratio-counts.ts): they read
 * and test its derived count check instead of the ratio's points, clipped to the look's time as
 * the run's plan is. The fixed test at the end still judges the query as written.
 */
import { clipCheckToNow } from './partial.js';
import type { PlannedCheck } from './plan.js';

/** The planned check a look reads (its count watch when it has one) and the same clipped to `at`. */
export function watchedAs(
  planned: PlannedCheck,
  clipped: PlannedCheck,
  at: number,
): { planned: PlannedCheck; clipped: PlannedCheck } {
  const watch = planned.countWatch;
  if (watch === undefined) return { planned, clipped };
  return { planned: watch, clipped: clipCheckToNow(watch, at) };
}
