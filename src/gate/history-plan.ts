/**
 * `baseline.history`: what a before/after value check reads besides its windows. The query is
 * read once per check over the history before the deploy, at the check's step (so each past
 * window holds as many points as the run's), in pieces of at most MAX_POINTS_PER_SERIES points a
 * series (Prometheus refuses longer ranges). The judge (src/judge/history/) slides the run's
 * window lengths over it.
 */
import type { HistoryGeometry } from '../judge/history/spread.js';
import { formatDuration } from '../time/duration.js';
import type { CheckSpec, Spec } from '../spec-model.js';
import { alignDown, alignUp, MAX_POINTS_PER_SERIES, tidy } from '../time/windows.js';
import type { Series, TimeRange, Windows } from '../types.js';

/** One check's history read. */
export interface PlannedHistory {
  /** `baseline.history`, seconds. */
  seconds: number;
  /** The whole range read: from `seconds` before the deploy to the last step at or before it. */
  range: TimeRange;
  /** The range in pieces Prometheus answers, in time order. */
  pieces: TimeRange[];
  geometry: HistoryGeometry;
}

/** The history a check reads, or undefined when it reads none (no `baseline.history`, canary or count checks). */
export function planHistory(
  spec: Spec,
  check: CheckSpec,
  windows: Windows,
  canary: boolean,
): PlannedHistory | undefined {
  const seconds = spec.baseline.history;
  if (seconds === undefined || canary || check.numerator !== undefined || check.query === undefined) return undefined;
  const { step } = windows.post;
  const end = alignDown(windows.deployedAt, step);
  const range: TimeRange = { start: alignUp(windows.deployedAt - seconds, step), end, step };
  return { seconds, range, pieces: splitRange(range), geometry: historyGeometry(windows, range) };
}

/** The run's window lengths slid over `range`: each past moment's windows hold as many points as the run's. */
export function historyGeometry(windows: Windows, range: { start: number; end: number }): HistoryGeometry {
  const { step } = windows.post;
  // The baseline's points [start, end] are the moment's [end + step - length, end + step).
  return {
    baseline: tidy(windows.baseline.end - windows.baseline.start + step),
    gap: tidy(Math.max(0, windows.post.start - windows.baseline.end - step)),
    post: tidy(windows.post.end - windows.post.start),
    start: range.start,
    end: range.end,
  };
}

/** `range` in consecutive pieces of at most MAX_POINTS_PER_SERIES points, none sharing a point. */
export function splitRange(range: TimeRange): TimeRange[] {
  const pieces: TimeRange[] = [];
  const span = (MAX_POINTS_PER_SERIES - 1) * range.step;
  for (let start = range.start; start <= range.end; start = tidy(start + span + range.step)) {
    pieces.push({ start, end: Math.min(range.end, tidy(start + span)), step: range.step });
  }
  return pieces;
}

/** The pieces' series joined by labels, points in time order. */
export function joinPieces(pieces: readonly Series[][]): Series[] {
  const joined = new Map<string, Series>();
  for (const series of pieces.flat()) {
    const key = JSON.stringify(Object.entries(series.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const found = joined.get(key);
    if (found === undefined) joined.set(key, { labels: series.labels, points: [...series.points] });
    else found.points.push(...series.points);
  }
  return [...joined.values()];
}

/** validate's lines about `baseline.history`: the range it reads and the checks that use it. */
export function describeHistoryUse(spec: Spec): string[] {
  const seconds = spec.baseline.history;
  if (seconds === undefined) return [];
  const using = spec.checks.filter((c) => c.query !== undefined && c.numerator === undefined);
  const others = spec.checks.filter((c) => !using.includes(c)).map((c) => `"${c.name}"`);
  return [
    `baseline.history ${formatDuration(seconds)}: each before/after value check also reads its query over the ${formatDuration(seconds)} before the deploy ` +
      `(${using.length} check${using.length === 1 ? '' : 's'}) and is judged against how much adjacent windows differed there` +
      (others.length > 0 ? `; not read by ${others.join(', ')} (count or canary checks)` : ''),
  ];
}
