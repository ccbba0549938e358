/** What a read of a logs window tells the reader besides its series: unparsed lines, gaps, new messages. */
import { formatDuration } from '../../time/duration.js';
import type { TimeRange } from '../../types.js';
import { EVERY_SIGNATURE, type Aggregator } from './aggregate.js';
import type { PassConsumer, PassReport } from './pass.js';
import type { LogsSourceSpec } from './spec.js';

/** Above this share of unreadable lines a window is not judged. */
export const MAX_UNPARSED_SHARE = 0.1;

interface WindowRead {
  query: string;
  range: TimeRange;
  aggregator: Aggregator;
  consumer: PassConsumer;
}

const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

function formatWords(spec: LogsSourceSpec): string {
  return spec.format.includes('$') ? 'the nginx log_format' : `format ${spec.format}`;
}

/** The first few unparsed lines of the window (all of the read's when it has none placed in time). */
function firstUnparsed(report: PassReport, consumer?: PassConsumer): string {
  const inWindow = report.unparsed.filter(
    (u) => consumer === undefined || (u.after !== undefined && u.after >= consumer.start && u.after <= consumer.end),
  );
  const [first, ...rest] = inWindow.slice(0, 5);
  if (first === undefined) return '';
  const more = rest.length > 0 ? `; also ${rest.map((u) => u.where).join(', ')}` : '';
  return ` (first: ${first.where}: ${JSON.stringify(first.text.slice(0, 120))}${more})`;
}

/** Why the window cannot be judged (too many unreadable lines or values), or undefined. */
export function unparsedProblem(read: WindowRead, report: PassReport, spec: LogsSourceSpec): string | undefined {
  if (report.parsed === 0 && report.read > 0)
    return `none of the ${report.read} lines read from ${report.inputs.join(', ')} parse as ${formatWords(spec)}${firstUnparsed(report)}`;
  const { lines, unparsed } = read.consumer;
  if (lines + unparsed > 0 && unparsed / (lines + unparsed) > MAX_UNPARSED_SHARE)
    return `${unparsed} of ${lines + unparsed} lines (${percent(unparsed / (lines + unparsed))}) between ${iso(read.consumer.start)} and ${iso(read.consumer.end)} do not parse as ${formatWords(spec)}, over the ${percent(MAX_UNPARSED_SHARE)} allowed${firstUnparsed(report, read.consumer)}`;
  const bad = read.aggregator.notANumber;
  const good = [...read.aggregator.totals().values()].reduce((sum, g) => sum + g.count, 0);
  if (bad > 0 && bad / (bad + good) > MAX_UNPARSED_SHARE)
    return `${bad} of ${bad + good} matching lines (${percent(bad / (bad + good))}) have no number in the field of ${read.query} ("-" or text), over the ${percent(MAX_UNPARSED_SHARE)} allowed`;
  return undefined;
}

/** Warnings about the window: unreadable lines below the limit, values that were not numbers, logs that begin late. */
export function describeWindow(read: WindowRead, report: PassReport, spec: LogsSourceSpec): string[] {
  const words: string[] = [];
  const { lines, unparsed } = read.consumer;
  if (unparsed > 0)
    words.push(
      `${unparsed} of ${lines + unparsed} log lines between ${iso(read.consumer.start)} and ${iso(read.consumer.end)} do not parse as ${formatWords(spec)} and were left out${firstUnparsed(report, read.consumer)}`,
    );
  if (read.aggregator.notANumber > 0)
    words.push(
      `${read.aggregator.notANumber} matching lines have no number in the field of ${read.query} and were left out`,
    );
  if (report.earliest !== undefined && report.earliest > read.range.start)
    words.push(
      `the logs (${report.inputs.join(', ')}) begin at ${iso(report.earliest)}, after ${iso(read.range.start)}: the window is judged from there`,
    );
  if (report.latest !== undefined && report.latest < read.range.end - read.range.step)
    words.push(
      `the logs (${report.inputs.join(', ')}) end at ${iso(report.latest)}, before ${iso(read.range.end)}: steps after their last line are left out, not counted as 0`,
    );
  return words;
}

/**
 * "new since the deploy: `TypeError: ...`, 41 times in 10m, 0 in the 30m before", for the
 * signatures queries read with both of their windows in one pass.
 */
export function newSignatureNotes<T extends WindowRead>(reads: readonly T[]): Map<T, string[]> {
  const notes = new Map<T, string[]>();
  const byQuery = new Map<string, T[]>();
  for (const read of reads) {
    if (!read.query.startsWith('signatures(')) continue;
    byQuery.set(read.query, [...(byQuery.get(read.query) ?? []), read]);
  }
  for (const same of byQuery.values()) {
    if (same.length < 2) continue;
    const sorted = [...same].sort((a, b) => a.range.start - b.range.start);
    const before = sorted[0] as T;
    const after = sorted[sorted.length - 1] as T;
    if (before.range.end > after.range.start) continue; // canary-like: the same window
    const known = before.aggregator.totals();
    const span = (r: TimeRange): string => formatDuration(r.end - r.start + r.step);
    const fresh = [...after.aggregator.totals()]
      .filter(([key, g]) => key !== EVERY_SIGNATURE && g.count > 0 && (known.get(key)?.count ?? 0) === 0)
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, 5)
      .map(
        ([, g]) =>
          `new since the deploy: \`${Object.values(g.labels)[0]}\`, ${g.count} time${g.count === 1 ? '' : 's'} in ${span(after.range)}, 0 in the ${span(before.range)} before`,
      );
    if (fresh.length > 0) notes.set(after, fresh);
  }
  return notes;
}

/** What `check` shows of a read: lines, share parsed, time covered, the first line's fields, the matches. */
export function describeRead(
  read: WindowRead,
  report: PassReport,
  formatFields: readonly string[] | undefined,
): string[] {
  const share = report.read > 0 ? ` (${percent(report.parsed / report.read)} parsed)` : '';
  const span =
    report.first !== undefined && report.latest !== undefined
      ? `, times ${iso(report.earliest ?? report.first.time)} .. ${iso(report.latest)}`
      : '';
  const facts = [`read ${report.read} lines from ${report.inputs.join(', ') || 'no file'}${share}${span}`];
  const newest = report.older[report.older.length - 1];
  if (report.inputs.length === 0 && newest !== undefined)
    facts.push(
      `${report.older.map((o) => o.name).join(', ')} ${report.older.length === 1 ? 'was' : 'were'} last written at ${iso(Math.floor(newest.mtime))}, before this range: is the log still written there?`,
    );
  const first = report.first;
  if (first !== undefined) {
    const names = first.names?.() ?? formatFields ?? [];
    const shown = names.slice(0, 12).map((name) => `${name}=${JSON.stringify((first.get(name) ?? '').slice(0, 40))}`);
    facts.push(
      `fields of the first parsed line: ${shown.join(' ')}${names.length > 12 ? ` (+${names.length - 12} more)` : ''}`,
    );
  }
  const totals = read.aggregator.totals();
  const matched = totals.get(EVERY_SIGNATURE)?.count ?? [...totals.values()].reduce((sum, g) => sum + g.count, 0);
  facts.push(`${read.query} matched ${matched} of the ${read.consumer.lines} lines in its range`);
  return facts;
}
