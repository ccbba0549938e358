/** findPartialBaseline: a baseline window that the backend's data covers only in part is said, never judged silently. */
import { findPartialBaseline } from '../../../src/gate/point-coverage.js';
import type { CheckData } from '../../../src/gate/fetch-plan.js';
import type { PlannedCheck } from '../../../src/gate/plan.js';
import { wordNote } from '../../../src/reports/notes.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Point } from '../../../src/types.js';
import { QUERY_CHECK, specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200;
const planned = planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY).checks[0]!;
const range = planned.baseline.range;

/** One point per 30 s step from `from` to the end of the baseline range, skipping `skip`. */
function points(from: number, skip: (t: number) => boolean = () => false): Point[] {
  const out: Point[] = [];
  for (let t = range.start; t <= range.end; t += range.step) if (t >= from && !skip(t)) out.push({ t, v: 1 });
  return out;
}

const data = (baseline: Point[]) => ({
  ok: true as const,
  baseline: [{ labels: { route: '/a' }, points: baseline }],
  candidate: [{ labels: { route: '/a' }, points: [{ t: DEPLOY + 30, v: 1 }] }],
  warnings: [],
});

/** The note as the reports word it. */
const describePartialBaseline = (check: PlannedCheck, read: CheckData): string[] =>
  findPartialBaseline(check, read).map(wordNote);

describe('findPartialBaseline', () => {
  test('a whole baseline window: no warning', () => {
    expect(describePartialBaseline(planned, data(points(range.start)))).toEqual([]);
  });

  test('one missing point (a late scrape): no warning', () => {
    expect(describePartialBaseline(planned, data(points(range.start, (t) => t === range.start + 300)))).toEqual([]);
  });

  test("data from 10 minutes into the 30-minute window: the server's history starts late", () => {
    const [warning] = describePartialBaseline(planned, data(points(range.start + 600)));
    expect(warning).toMatch(
      /^latency: the baseline window holds \d+ of \d+ points \(fullest series route=\/a\): the data begins 10m after the window starts; the server's history does not reach back that far \(a server started recently, or retention\), so the baseline is shorter than baseline\.window$/,
    );
  });

  test('a canary check (both sides over the post window): no baseline-window warning', () => {
    const canary = { ...planned, check: { ...planned.check, baselineQuery: 'a', candidateQuery: 'b' } };
    expect(describePartialBaseline(canary, data(points(range.start + 600)))).toEqual([]);
  });

  test('gaps inside the window: said as gaps', () => {
    const [warning] = describePartialBaseline(planned, data(points(range.start, (t) => (t - range.start) % 90 === 0)));
    expect(warning).toMatch(/^latency: the baseline window holds \d+ of \d+ points .*: gaps in the data/);
  });
});
