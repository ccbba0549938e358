/**
 * What one query collects from the lines of its range: lines per step (counts, rates, signatures)
 * or the field's value per line, one series per `by` group. Bounded: at most MAX_SERIES groups and
 * MAX_POINTS values per series (a uniform sample of the lines beyond that, in time order).
 */
import { SourceError } from '../../errors.js';
import { mulberry32 } from '../../seeded-random.js';
import type { Labels, Point, Series, TimeRange } from '../../types.js';
import { foldPath, messageSignature } from './fold.js';
import type { ParsedLine } from './line-format.js';
import type { LogsQuery } from './query.js';
import { matches } from './selector.js';

export const MAX_SERIES = 500;
export const MAX_POINTS = 20000;
const DEFAULT_MESSAGE_FIELDS = ['msg', 'message'];
/** The label of a signatures query's series, and the series of every matching line. */
export const SIGNATURE_LABEL = 'signature';
export const EVERY_SIGNATURE = '(every matching line)';

export interface Aggregator {
  /** The span of times it reads: a count point at t counts (t - step, t]. */
  start: number;
  end: number;
  add(line: ParsedLine, raw: string): void;
  /** Lines whose field was not a number (value queries). */
  notANumber: number;
  /**
   * Its series. Steps the logs do not cover get no point rather than a 0: those that start before
   * `covered.from` (where the logs begin) or at or after `covered.to` (their last line).
   */
  series(covered: { from?: number; to?: number }): Series[];
  /** Matching lines per group, for messages. */
  totals(): Map<string, { labels: Labels; count: number }>;
}

/** An aggregator of `query` over `range`. */
export function createAggregator(query: LogsQuery, range: TimeRange, what: string): Aggregator {
  return query.kind === 'value' ? valueAggregator(query, range, what) : stepAggregator(query, range, what);
}

function groupOf(line: ParsedLine, by: readonly string[]): Labels {
  const labels: Labels = {};
  for (const field of by) labels[field] = foldPath(line.get(field) ?? '');
  return labels;
}

/** The key of a group: its one value, or its values joined by a separator no value holds. */
function groupKey(labels: Labels, by: readonly string[]): string {
  return by.length === 1 ? (labels[by[0] as string] as string) : by.map((field) => labels[field]).join('\u0000');
}

function tooMany(what: string, by: string): SourceError {
  return new SourceError(
    `${what} gives more than ${MAX_SERIES} series by ${by}: too many to judge one by one; select fewer lines or group by a field with fewer values`,
    { retryable: false, kind: 'limit' },
  );
}

function stepAggregator(query: Exclude<LogsQuery, { kind: 'value' }>, range: TimeRange, what: string): Aggregator {
  const { step } = range;
  const steps = Math.floor((range.end - range.start) / step + 1e-9) + 1;
  const groups = new Map<string, { labels: Labels; counts: Float64Array; count: number }>();
  const signatures = query.kind === 'signatures';
  const messageFields = signatures && query.message !== undefined ? [query.message] : DEFAULT_MESSAGE_FIELDS;
  const group = (key: string, labels: Labels) => {
    let g = groups.get(key);
    if (g === undefined) {
      if (groups.size >= MAX_SERIES + (signatures ? 1 : 0))
        throw tooMany(what, signatures ? 'message signature' : query.by.join(', '));
      g = { labels, counts: new Float64Array(steps), count: 0 };
      groups.set(key, g);
    }
    return g;
  };
  if (signatures) group(EVERY_SIGNATURE, { [SIGNATURE_LABEL]: EVERY_SIGNATURE });
  else if (query.by.length === 0) group('', {});
  const bump = (key: string, labels: Labels, index: number) => {
    const g = group(key, labels);
    g.counts[index]! += 1;
    g.count++;
  };
  return {
    start: range.start - step,
    end: range.end,
    notANumber: 0,
    add(line, raw) {
      // A point at t counts (t - step, t]: a line at the first step's very start belongs to the step before.
      if (line.time <= range.start - step || !matches(line, query.selector.matchers)) return;
      const index = Math.max(0, Math.ceil((line.time - range.start) / step - 1e-9));
      if (index >= steps) return;
      if (signatures) {
        const message = messageFields.map((f) => line.get(f)).find((m) => m !== undefined) ?? raw;
        const signature = messageSignature(message);
        bump(EVERY_SIGNATURE, { [SIGNATURE_LABEL]: EVERY_SIGNATURE }, index);
        bump(`s:${signature}`, { [SIGNATURE_LABEL]: signature }, index);
        return;
      }
      if (query.by.length === 0) return bump('', {}, index);
      const labels = groupOf(line, query.by);
      bump(groupKey(labels, query.by), labels, index);
    },
    series(covered) {
      const scale = query.kind === 'count' ? 1 : 1 / step;
      return [...groups.values()].map(({ labels, counts }) => {
        const points: Point[] = [];
        for (let k = 0; k < steps; k++) {
          const t = range.start + k * step;
          if (covered.from !== undefined && t - step < covered.from) continue;
          if (covered.to === undefined || t - step >= covered.to) continue;
          points.push({ t, v: (counts[k] as number) * scale });
        }
        return { labels, points };
      });
    },
    totals: () => new Map([...groups].map(([key, g]) => [key, { labels: g.labels, count: g.count }])),
  };
}

function valueAggregator(query: Extract<LogsQuery, { kind: 'value' }>, range: TimeRange, what: string): Aggregator {
  const groups = new Map<string, { labels: Labels; points: Point[]; seen: number }>();
  const random = mulberry32(0x10c5);
  const aggregator: Aggregator = {
    start: range.start,
    end: range.end,
    notANumber: 0,
    add(line) {
      if (!matches(line, query.selector.matchers)) return;
      const text = line.get(query.field);
      const v = text === undefined || text === '' || text === '-' ? NaN : Number(text);
      if (Number.isNaN(v)) {
        aggregator.notANumber++;
        return;
      }
      const labels = query.by.length === 0 ? {} : groupOf(line, query.by);
      const key = query.by.length === 0 ? '' : groupKey(labels, query.by);
      let g = groups.get(key);
      if (g === undefined) {
        if (groups.size >= MAX_SERIES) throw tooMany(what, query.by.join(', '));
        g = { labels, points: [], seen: 0 };
        groups.set(key, g);
      }
      g.seen++;
      const point = { t: line.time, v };
      if (g.points.length < MAX_POINTS) g.points.push(point);
      else {
        const slot = Math.floor(random() * g.seen);
        if (slot < MAX_POINTS) g.points[slot] = point;
      }
    },
    series: () =>
      [...groups.values()].map(({ labels, points }) => ({ labels, points: [...points].sort((a, b) => a.t - b.t) })),
    totals: () => new Map([...groups].map(([key, g]) => [key, { labels: g.labels, count: g.seen }])),
  };
  return aggregator;
}
