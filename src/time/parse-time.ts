/** Parse the deploy time given on the command line or in the spec. Times are unix seconds. */
import { UsageError } from '../errors.js';
import { parseDuration } from './duration.js';

/** How far ahead of the runner's clock a deploy time may be (clock skew), seconds. */
const MAX_FUTURE_SECONDS = 60;

const ACCEPTED =
  'accepted: RFC 3339 with a timezone (2026-11-26T10:00:00Z, 2026-11-26T12:00:00+02:00), ' +
  'unix seconds (1795687200), or relative (now, -15m, now-1h30m)';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
/** Looks like a date or date-time but carries no zone: refused rather than guessed. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const UNIX_SECONDS = /^\d+(?:\.\d+)?$/;
const RELATIVE = /^(?:now\s*)?-\s*(\S+)$/i;

function usage(option: string, text: string, why: string): UsageError {
  return new UsageError(`${option}: ${JSON.stringify(text)} ${why}; ${ACCEPTED}`);
}

function parseRfc3339(match: RegExpExecArray): number | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1970 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined;
  const minuteMs = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 2026-02-30 over to March: a changed day means the date does not exist.
  if (new Date(minuteMs).getUTCDate() !== day) return undefined;
  const ms = minuteMs + second * 1000;
  const fraction = match[7] ? Number(`0${match[7]}`) : 0;
  let offset = 0;
  if (!match[8]) {
    const offsetHours = Number(match[10]);
    const offsetMinutes = Number(match[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  return ms / 1000 + fraction - offset;
}

function parseAny(text: string, now: number): number | 'zoneless' | undefined {
  if (/^now$/i.test(text)) return now;
  const rfc = RFC3339.exec(text);
  if (rfc) return parseRfc3339(rfc);
  if (ZONELESS.test(text)) return 'zoneless';
  if (UNIX_SECONDS.test(text)) return Number(text);
  const relative = RELATIVE.exec(text);
  if (relative) {
    const ago = parseDuration(relative[1] as string);
    return ago === undefined ? undefined : now - ago;
  }
  return undefined;
}

/**
 * Parse a deploy time (`--deployed-at`, `deploy.at`) into unix seconds, relative to `now`
 * (unix seconds). Refuses zone-less dates, unreadable text, times before 1970 and times more
 * than a minute ahead.
 */
export function parseDeployTime(text: string, now: number, option = '--deployed-at'): number {
  const trimmed = text.trim();
  const seconds = parseAny(trimmed, now);
  if (seconds === 'zoneless') {
    throw usage(option, text, 'has no timezone (add Z for UTC or an offset like +02:00)');
  }
  if (seconds === undefined || Number.isNaN(seconds)) {
    throw usage(option, text, 'is not a time');
  }
  // No metrics backend holds data from before unix time 0, and far enough back a Date cannot
  // even be formatted: refused here rather than failing later as an internal error.
  if (seconds < 0) {
    throw usage(option, text, 'is before 1970-01-01T00:00:00Z: out of range');
  }
  if (!Number.isFinite(seconds)) throw usage(option, text, 'is not a time');
  const ahead = seconds - now;
  if (ahead > MAX_FUTURE_SECONDS) {
    const hint = UNIX_SECONDS.test(trimmed) && seconds > now * 100 ? ' (milliseconds? give unix seconds)' : '';
    throw usage(option, text, `is ${Math.round(ahead)}s in the future${hint}: the deploy must already have happened`);
  }
  return seconds;
}
