/**
 * The moments a backtest replays: every `--every` from `--from` to `--to`, or the `--at` list.
 * Each is a deploy time whose post window must already have ended, since a backtest judges the
 * past; their number is capped so a typo in `--every` cannot send thousands of queries.
 */
import { UsageError } from '../errors.js';
import { planRun } from '../gate/plan.js';
import { formatDuration, parseDuration } from '../time/duration.js';
import type { Spec } from '../spec-model.js';
import { formatTime } from '../time/format-time.js';
import { parseDeployTime } from '../time/parse-time.js';

/** Most moments one backtest replays (each one is a full run of the gate). */
export const MAX_MOMENTS = 500;

export interface MomentOptions {
  from?: string;
  to?: string;
  every?: string;
  at?: string;
}

/** The moments asked for, in time order, without duplicates; throws UsageError when the options are wrong. */
export function parseMoments(options: MomentOptions, spec: Spec, now: number): number[] {
  const range = options.from !== undefined || options.to !== undefined || options.every !== undefined;
  if (options.at !== undefined && range) throw new UsageError('give either --at, or --from/--to/--every, not both');
  if (options.at !== undefined) return checkEnded(parseAtList(options.at, now), spec, now);
  if (options.from === undefined) throw new UsageError('give --from (and --to, --every), or --at with a list of times');
  const from = parseDeployTime(options.from, now, '--from');
  const to = options.to === undefined ? latestMoment(spec, now) : parseDeployTime(options.to, now, '--to');
  const every = parseEvery(options.every ?? '1h');
  if (to < from) throw new UsageError(`--to (${formatTime(to)}) is before --from (${formatTime(from)})`);
  const count = Math.floor((to - from) / every + 1e-9) + 1;
  if (count > MAX_MOMENTS) {
    throw new UsageError(
      `--from ${formatTime(from)} --to ${formatTime(to)} --every ${formatDuration(every)} gives ${count} moments, ` +
        `more than the ${MAX_MOMENTS} a backtest replays: raise --every or narrow --from/--to`,
    );
  }
  const moments = Array.from({ length: count }, (_, i) => Math.floor(from + i * every));
  return checkEnded(moments, spec, now);
}

/** The last deploy time whose post window has ended by `now`. */
export function latestMoment(spec: Spec, now: number): number {
  const lag = planRun(spec, Math.floor(now)).readyAt - Math.floor(now);
  return Math.floor(now - lag);
}

function parseEvery(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds <= 0)
    throw new UsageError(`--every: ${JSON.stringify(text)} is not a positive duration like 30m, 1h or 1d`);
  return seconds;
}

function parseAtList(text: string, now: number): number[] {
  const items = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (items.length === 0)
    throw new UsageError('--at: give a comma-separated list of times, e.g. 2026-11-20T10:00:00Z,2026-11-21T10:00:00Z');
  if (items.length > MAX_MOMENTS)
    throw new UsageError(`--at lists ${items.length} times, more than the ${MAX_MOMENTS} a backtest replays`);
  return [...new Set(items.map((item) => Math.floor(parseDeployTime(item, now, '--at'))))].sort((a, b) => a - b);
}

/** Refuse moments whose post window has not ended: their verdict would not be the gate's. */
function checkEnded(moments: number[], spec: Spec, now: number): number[] {
  for (const moment of moments) {
    const readyAt = planRun(spec, moment).readyAt;
    if (readyAt > now) {
      throw new UsageError(
        `the post window of the moment ${formatTime(moment)} ends at ${formatTime(readyAt)}, which has not come yet: ` +
          `a backtest replays the past; end the moments at ${formatTime(latestMoment(spec, now))} or earlier`,
      );
    }
  }
  return moments;
}
