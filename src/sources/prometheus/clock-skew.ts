/**
 * The runner's clock against the server's, read from the HTTP `Date` header. Windows are computed
 * on the runner: if its clock runs ahead, the end of the post window lies in the server's future,
 * where no data exists yet, and a short post window would be judged as if it were complete.
 */
import { SourceError } from '../../errors.js';
import { formatDuration } from '../../time/duration.js';
import { formatTime } from '../../time/format-time.js';
import type { TimeRange } from '../../types.js';

/** Skew tolerated silently: HTTP dates have one-second resolution, and scrapes lag a little anyway. */
export const MAX_CLOCK_SKEW_SECONDS = 30;

/** Seconds this machine's clock is ahead of the server's (negative: behind); undefined without a readable Date. */
export function measureClockSkew(dateHeader: string | undefined, nowMs: number): number | undefined {
  if (dateHeader === undefined) return undefined;
  const serverMs = Date.parse(dateHeader);
  return Number.isNaN(serverMs) ? undefined : Math.round((nowMs - serverMs) / 1000);
}

function describeSkew(skew: number): string {
  // HTTP dates are whole seconds: a skew of minutes is shown in whole minutes, not as "2h1s".
  const size = Math.abs(skew) >= 120 ? Math.round(Math.abs(skew) / 60) * 60 : Math.abs(skew);
  return `this machine's clock is ${formatDuration(size)} ${skew > 0 ? 'ahead of' : 'behind'} the server's`;
}

/**
 * Throw when `range` ends in the server's future (its data cannot be complete); return a warning
 * when the clocks differ by more than MAX_CLOCK_SKEW_SECONDS otherwise.
 */
export function checkClockSkew(
  dateHeader: string | undefined,
  range: TimeRange,
  where: string,
  nowMs: number = Date.now(),
): string | undefined {
  const skew = measureClockSkew(dateHeader, nowMs);
  if (skew === undefined || Math.abs(skew) <= MAX_CLOCK_SKEW_SECONDS) return undefined;
  const serverNow = nowMs / 1000 - skew;
  if (range.end > serverNow + MAX_CLOCK_SKEW_SECONDS) {
    throw new SourceError(
      `${where} says it is ${formatTime(Math.floor(serverNow))}, but the range asked for ends at ${formatTime(range.end)}: ` +
        `${describeSkew(skew)}, so the end of the window has no data yet; sync this machine's clock (NTP) and run again`,
      { retryable: false, kind: 'protocol' },
    );
  }
  return `${describeSkew(skew)} (${where}): times given as \`now\` or relative (-15m) are off by as much; sync the clock (NTP)`;
}
