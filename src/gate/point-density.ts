/**
 * A note when a backend answered a range query with more points per series than the range
 * holds at its step: it did not honour the step (raw samples, or a proxy merging answers), so the
 * points are not one per step. The judge still reads them (the autocorrelation correction counts
 * close points as fewer effective samples), but the reader should know the data is not what the
 * spec asked for.
 */
import { pointsInRange } from '../time/windows.js';
import type { RunNote, Series } from '../types.js';
import type { CheckData } from './fetch-plan.js';
import type { PlannedCheck, PlannedQuery } from './plan.js';

type Side = Extract<RunNote, { kind: 'point-density' }>['side'];

function densest(series: readonly Series[]): Series | undefined {
  let found: Series | undefined;
  for (const s of series) if (found === undefined || s.points.length > found.points.length) found = s;
  return found;
}

/** At most one note per check: its first query whose densest series holds more points than its range. */
export function findDensePoints(planned: PlannedCheck, data: CheckData): RunNote[] {
  if (!data.ok || planned.check.probe?.eventPoints) return [];
  const sides: [Side, PlannedQuery, Series[]][] = [
    ['baseline', planned.baseline, data.baseline],
    ['post', planned.candidate, data.candidate],
    ...(planned.denominators && data.denominators
      ? ([
          ['baseline denominator', planned.denominators.baseline, data.denominators.baseline],
          ['post denominator', planned.denominators.candidate, data.denominators.candidate],
        ] as [Side, PlannedQuery, Series[]][])
      : []),
  ];
  for (const [side, query, series] of sides) {
    const most = densest(series);
    const room = pointsInRange(query.range);
    if (most === undefined || most.points.length <= room) continue;
    return [
      {
        kind: 'point-density',
        check: planned.check.name,
        side,
        labels: most.labels,
        points: most.points.length,
        room,
        step: query.range.step,
      },
    ];
  }
  return [];
}
