/** What `check` says about the series a query returned. */
import { planSampling } from '../../../src/preflight/plan-queries.js';
import { summarizeSeries } from '../../../src/preflight/summarize.js';
import type { Spec } from '../../../src/spec-model.js';

const RANGE = { start: 0, end: 600, step: 30 }; // 21 points

test('no series: one problem saying what to check', () => {
  expect(summarizeSeries([], RANGE, 5)).toMatchObject({
    series: 0,
    points: null,
    problems: [expect.stringContaining('no series over the range')],
  });
});

test('points per series, NaN and ±Inf shares, too few usable points', () => {
  const points = Array.from({ length: 21 }, (_, i) => ({
    t: i * 30,
    v: i < 10 ? Number.NaN : i === 20 ? Infinity : 1,
  }));
  const summary = summarizeSeries(
    [
      { labels: {}, points },
      { labels: { a: 'b' }, points: points.slice(0, 3) },
    ],
    RANGE,
    5,
  );
  expect(summary.points).toEqual({ min: 3, max: 21, expected: 21 });
  expect(summary.nanShare).toBeCloseTo(13 / 24);
  expect(summary.infiniteShare).toBeCloseTo(1 / 24);
  expect(summary.problems.join('\n')).toMatch(/NaN[\s\S]*±Inf[\s\S]*only 0 usable points/);
});

test('probes end at the last whole step before now and cover every query of a check', () => {
  const check = { name: 'c', source: 'p', step: 60, baselineQuery: 'a', candidateQuery: 'b' } as Spec['checks'][number];
  const probes = planSampling({ checks: [check] } as unknown as Spec, 1_000_030, 600);
  expect(probes.map((p) => [p.field, p.query, p.range])).toEqual([
    ['baselineQuery', 'a', { start: 999_420, end: 1_000_020, step: 60 }],
    ['candidateQuery', 'b', { start: 999_420, end: 1_000_020, step: 60 }],
  ]);
});
