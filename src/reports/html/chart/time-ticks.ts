/** Time axes in UTC: round tick times (every 5 min, every hour...) and their labels. */

export interface TimeTick {
  t: number;
  label: string;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
/** Tick spacings in seconds, each a divisor of the next larger unit so ticks land on round clock times. */
const INTERVALS = [
  1,
  2,
  5,
  10,
  15,
  30,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** The smallest round spacing that puts at most `maxTicks` ticks on [start, end]. */
export function timeTickInterval(start: number, end: number, maxTicks: number): number {
  const span = Math.max(end - start, 1);
  return INTERVALS.find((interval) => span / interval < maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC clock label with the precision the spacing needs: `10:05`, `10:05:30`, `01-15`. */
export function formatTickTime(t: number, interval: number): string {
  const date = new Date(t * 1000);
  if (interval >= DAY) return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return interval < MINUTE ? `${clock}:${pad(date.getUTCSeconds())}` : clock;
}

/** Ticks at round UTC times inside [start, end], at most `maxTicks` of them. */
export function timeTicks(start: number, end: number, maxTicks = 5): TimeTick[] {
  const interval = timeTickInterval(start, end, maxTicks);
  const ticks: TimeTick[] = [];
  for (let t = Math.ceil(start / interval) * interval; t <= end; t += interval)
    ticks.push({ t, label: formatTickTime(t, interval) });
  return ticks;
}

/** The UTC date(s) the axis spans, for its caption: `2026-01-15` or `2026-01-15 to 2026-01-16`. */
export function describeDates(start: number, end: number): string {
  const day = (t: number): string => new Date(t * 1000).toISOString().slice(0, 10);
  return day(start) === day(end) ? day(start) : `${day(start)} to ${day(end)}`;
}
