/** findDensePoints: a backend that ignores the step and answers more points than the range holds gets a warning. */
import { findDensePoints } from '../../../src/gate/point-density.js';
import { wordNote } from '../../../src/reports/notes.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Point, TimeRange } from '../../../src/types.js';
import { QUERY_CHECK, specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200;
const planned = planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY).checks[0]!;

/** Points every `spacing` seconds over the range. */
function every(range: TimeRange, spacing: number): Point[] {
  const points: Point[] = [];
  for (let t = range.start; t <= range.end; t += spacing) points.push({ t, v: 1 });
  return points;
}

describe('findDensePoints', () => {
  test('one point per 30 s step: no warning', () => {
    const data = {
      ok: true as const,
      baseline: [{ labels: {}, points: every(planned.baseline.range, 30) }],
      candidate: [{ labels: {}, points: every(planned.candidate.range, 30) }],
      warnings: [],
    };
    expect(findDensePoints(planned, data).map(wordNote)).toEqual([]);
  });

  test('raw samples every 5 s where the step is 30 s: a warning naming the check, the side, the series and the counts', () => {
    const data = {
      ok: true as const,
      baseline: [{ labels: { route: '/a' }, points: every(planned.baseline.range, 30) }],
      candidate: [{ labels: { route: '/a' }, points: every(planned.candidate.range, 5) }],
      warnings: [],
    };
    // The post range holds 20 points (deploy + 30 s .. deploy + 10 m); every 5 s there are 115.
    expect(findDensePoints(planned, data).map(wordNote)).toEqual([
      'latency: the backend returned 115 points for the post series route=/a where the range holds at most 20 at step 30s: it did not honour the step (raw samples, or a proxy merging answers), so the points are not one per step; they were judged as autocorrelated samples',
    ]);
  });
});
