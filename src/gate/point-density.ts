/**
 * A warning when a backend answered a range query with more points per series than the range
 * holds at its step: it did not honour the step (raw samples, or a proxy merging answers), so the
 * points are not one per step. The judge still reads them (the autocorrelation correction counts
 * close points as fewer effective samples), but the reader should know the data is not what the
 * spec asked for.
 */
import { formatDuration } from '../time/duration.js';
import { formatLabels } from '../judge/wording.js';
import { pointsInRange } from '../time/windows.js';
import type { Series } from '../types.js';
import type { CheckData } from './fetch-plan.js';
import type { PlannedCheck, PlannedQuery } from './plan.js';

function densest(series: readonly Series[]): Series | undefined {
  let found: Series | undefined;
  for (const s of series) if (found === undefined || s.points.length > found.points.length) found = s;
  return found;
}

/** At most one warning per check: its first query whose densest series holds more points than its range. */
export function describeDensePoints(planned: PlannedCheck, data: CheckData): string[] {
  if (!data.ok) return [];
  const sides: [string, PlannedQuery, Series[]][] = [
    ['baseline', planned.baseline, data.baseline],
    ['post', planned.candidate, data.candidate],
    ...(planned.denominators && data.denominators
      ? ([
          ['baseline denominator', planned.denominators.baseline, data.denominators.baseline],
          ['post denominator', planned.denominators.candidate, data.denominators.candidate],
        ] as [string, PlannedQuery, Series[]][])
      : []),
  ];
  for (const [side, query, series] of sides) {
    const most = densest(series);
    const room = pointsInRange(query.range);
    if (most === undefined || most.points.length <= room) continue;
    return [
      `${planned.check.name}: the backend returned ${most.points.length} points for the ${side} series ${formatLabels(most.labels)} where the range holds at most ${room} at step ${formatDuration(query.range.step)}: ` +
        'it did not honour the step (raw samples, or a proxy merging answers), so the points are not one per step; they were judged as autocorrelated samples',
    ];
  }
  return [];
}
