/**
 * The run's one clock: every moment a report or a progress line gives (a look, an early stop, a
 * decision, the end of the post window) is read as the time after the deploy, written one way,
 * with the wall time beside it where a reader may want to find it in a log or a dashboard.
 */
import { formatTime } from './format-time.js';

/** Whole seconds as "45s", "1m03s", "1h02m03s" (rounded; never negative). */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${rest}s`;
  return m > 0 ? `${m}m${rest}s` : `${s}s`;
}

/** "1m03s after the deploy" (the progress lines, where the wall time is the log's own). */
export function formatAfterDeploy(at: number, deployedAt: number): string {
  return `${formatElapsed(at - deployedAt)} after the deploy`;
}

/**
 * "1m03s after the deploy (10:01:03Z)": the wall time as the time of day when it falls on the
 * deploy's UTC date (the report's header gives that date), else in full.
 */
export function formatMoment(at: number, deployedAt: number): string {
  const wall = formatTime(Math.floor(at));
  const sameDay = wall.slice(0, 11) === formatTime(Math.floor(deployedAt)).slice(0, 11);
  return `${formatAfterDeploy(at, deployedAt)} (${sameDay ? wall.slice(11) : wall})`;
}
