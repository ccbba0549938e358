/**
 * Why a query returned nothing, or too little for a verdict, found by asking the backend a few
 * more questions: does each series selector of the query match anything over the range, since
 * when (a server that started recently, or a retention shorter than the range), and does each
 * rate()-like range hold the two samples the function needs. The causes replace the generic
 * "check the metric name" hint when the metric is there.
 */
import { findPromQLRanges, findPromQLSelectors } from '../spec-file/promql-ranges.js';
import type { Source } from '../sources/types.js';
import { formatDuration } from '../time/duration.js';
import type { Series, TimeRange } from '../types.js';

/** Functions that need two samples in their range to return anything. */
const NEEDS_TWO = new Set(['rate', 'irate', 'increase', 'delta', 'idelta', 'deriv']);

/** The causes found, and whether a selector of the query matched no series at all. */
export interface Diagnosis {
  causes: string[];
  /** Every selector matched series over the range: the name and labels are not the problem. */
  selectorsFound: boolean;
}

function earliest(series: readonly Series[]): number | undefined {
  let first: number | undefined;
  for (const s of series) for (const p of s.points) if (first === undefined || p.t < first) first = p.t;
  return first;
}

function maxValue(series: readonly Series[]): number {
  let most = 0;
  for (const s of series) for (const p of s.points) if (Number.isFinite(p.v) && p.v > most) most = p.v;
  return most;
}

/** Ask `source` why `query` read too little over `range`; backend errors leave a question unanswered. */
export async function diagnoseQuery(
  query: string,
  range: TimeRange,
  source: Source,
  signal: AbortSignal,
  now: number,
): Promise<Diagnosis> {
  const causes: string[] = [];
  const selectors = findPromQLSelectors(query).slice(0, 4);
  // A fine grid from the range's start to now (the range ends at a step boundary, and a server that
  // started after it has its first samples later), so the first sample shows within a few seconds.
  const end = Math.max(range.end, Math.ceil(now) + 1);
  const fine: TimeRange = { start: range.start, end, step: Math.max(1, Math.ceil((end - range.start) / 600)) };
  let selectorsFound = selectors.length > 0;
  let historyNoted = false;
  for (const selector of selectors) {
    const series = await source
      .fetchRange(selector, fine, signal)
      .then((r) => r.series)
      .catch(() => undefined);
    if (series === undefined) continue;
    if (series.every((s) => s.points.length === 0)) {
      selectorsFound = false;
      continue;
    }
    const first = earliest(series);
    if (!historyNoted && first !== undefined && first - range.start > Math.max(2 * fine.step, range.step)) {
      historyNoted = true;
      causes.push(
        `the data begins ${formatDuration(first - range.start)} after the range starts: the server's history is shorter than the ` +
          `range (a server that started recently, or its retention), so a run's windows would be partly empty; wait for the ` +
          `history to cover baseline.window before relying on the gate`,
      );
    }
  }
  for (const r of findPromQLRanges(query)) {
    if (r.kind !== 'matrix' || r.selector === undefined || r.fn === undefined || !NEEDS_TWO.has(r.fn)) continue;
    const counts = await source
      .fetchRange(`count_over_time(${r.selector}[${r.text}])`, range, signal)
      .then((result) => result.series)
      .catch(() => undefined);
    if (counts === undefined || counts.every((s) => s.points.length === 0)) continue;
    const most = maxValue(counts);
    if (most < 2) {
      causes.push(
        `the [${r.text}] range of ${r.fn}() holds at most ${most} sample of \`${r.selector}\`: ${r.fn}() needs two samples in ` +
          `its range, so it returns nothing; make the range at least twice the scrape interval (four times is safer)`,
      );
    }
  }
  return { causes, selectorsFound };
}
