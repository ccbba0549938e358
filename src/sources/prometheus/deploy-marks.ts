/**
 * `deploy.detect` on Prometheus: the moments a query's answer says a deploy happened.
 *
 * - version: a label set that first appears inside the range (a new `version` of app_build_info),
 *   or one that is last seen inside it (the old version gone). Judged on first and last
 *   sightings, so a scrape gap (a series missing for a point or two) is no deploy.
 * - restart: a series whose value changes between two points (process_start_time_seconds). When
 *   the new value itself is a time between the two points (a start time), that is the moment.
 *
 * Pure: the answer in, the marks out, oldest first.
 */
import type { Labels, Series } from '../../types.js';
import type { DeployMark } from '../types.js';

function labelText(labels: Labels): string {
  const entries = Object.entries(labels)
    .filter(([name]) => name !== '__name__')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([name, value]) => `${name}="${String(value)}"`).join(', ')}}`;
}

export function deployMarksOf(
  series: readonly Series[],
  range: { start: number; end: number; step: number },
): DeployMark[] {
  const marks: DeployMark[] = [];
  const edge = range.step * 1.5;
  const usable = series.map((s) => s.points.filter((p) => Number.isFinite(p.v)));
  const firsts = usable.flatMap((p) => (p.length > 0 ? [p[0]!.t] : []));
  const lasts = usable.flatMap((p) => (p.length > 0 ? [p[p.length - 1]!.t] : []));
  if (firsts.length === 0) return [];
  // Where the answer's history begins and ends (a server started recently, retention): a series
  // that is there from the first point on, or to the last, marks no deploy.
  const begins = Math.max(range.start, Math.min(...firsts));
  const ends = Math.min(range.end, Math.max(...lasts));
  series.forEach((s, index) => {
    const points = usable[index]!;
    if (points.length === 0) return;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (first.t - begins > edge) marks.push({ at: first.t, how: 'version', detail: `${labelText(s.labels)} appeared` });
    if (ends - last.t > edge)
      marks.push({ at: last.t + range.step, how: 'version', detail: `${labelText(s.labels)} disappeared` });
    for (let i = 1; i < points.length; i++) {
      const before = points[i - 1]!;
      const now = points[i]!;
      if (now.v === before.v) continue;
      // A later start time that is not in the future is the restart's own moment.
      const at = now.v > before.v && now.v <= now.t && now.v > range.start ? now.v : now.t;
      marks.push({
        at,
        how: 'restart',
        detail: `${labelText(s.labels)} jumped from ${before.v} to ${now.v}${at === now.v ? ' (a start time: the restart)' : ''}`,
      });
    }
  });
  return marks.sort((a, b) => a.at - b.at);
}
