/**
 * A warning when the backend's data covers only part of the baseline window: a server started
 * recently, a retention shorter than the window, or gaps. The judge reads what there is (fewer
 * points only widen its intervals), but a baseline of 20 minutes where the spec asked for 30 is
 * something the reader should know, with its likely cause.
 */
import { pointsInRange } from '../time/windows.js';
import type { RunNote, Series } from '../types.js';
import type { CheckData } from './fetch-plan.js';
import type { PlannedCheck } from './plan.js';

/** Missing points tolerated before a warning: a late scrape or two is not worth one. */
const TOLERATED_SHARE = 0.1;

function fullest(series: readonly Series[]): Series | undefined {
  let found: Series | undefined;
  for (const s of series) if (found === undefined || s.points.length > found.points.length) found = s;
  return found;
}

/** At most one note per check, for its baseline window (the post window's end is the wait's business). */
export function findPartialBaseline(planned: PlannedCheck, data: CheckData): RunNote[] {
  // A canary check reads both sides over the post window, which a cut-short run may not have filled.
  if (!data.ok || planned.check.baselineQuery !== undefined) return [];
  const range = planned.baseline.range;
  // A count check's errors come and go; its traffic (the denominator) is what should cover the window.
  const most = fullest(data.denominators?.baseline ?? data.baseline);
  const room = pointsInRange(range);
  if (most === undefined || most.points.length === 0) return [];
  const missing = room - most.points.length;
  if (missing <= Math.max(1, TOLERATED_SHARE * room)) return [];
  const first = Math.min(...most.points.map((p) => p.t));
  const late = first - range.start;
  const history = late >= range.step * Math.max(2, missing / 2);
  return [
    {
      kind: 'partial-baseline',
      check: planned.check.name,
      labels: most.labels,
      points: most.points.length,
      room,
      cause: history ? { kind: 'history', late } : { kind: 'gaps' },
    },
  ];
}
