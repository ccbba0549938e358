/**
 * How long `run` waits for the post window: until it ends, or less with --max-wait, or not at
 * all with --no-wait. A wait cut short judges the post window so far and never passes (a pass
 * needs the whole window the spec asks for); a regression found in it still fails.
 */
import { formatDuration } from '../time/duration.js';

export interface WaitLimit {
  /** Unix seconds at which the wait ends. */
  until: number;
  /** Why the wait may end before the post window does (for the report), or null when it may not. */
  why: string | null;
}

/** The end of the wait for a plan ready at `readyAt`, asked at `now`. */
export function waitLimit(readyAt: number, now: number, options: { wait?: boolean; maxWait?: number }): WaitLimit {
  if (options.wait === false) return { until: Math.min(readyAt, now), why: '--no-wait' };
  if (options.maxWait !== undefined && now + options.maxWait < readyAt) {
    return { until: now + options.maxWait, why: `--max-wait ${formatDuration(options.maxWait)} reached` };
  }
  return { until: readyAt, why: null };
}
