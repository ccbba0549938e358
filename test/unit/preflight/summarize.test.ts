/** What `check` says about the series a query returned. */
import { planSampling } from '../../../src/preflight/plan-queries.js';
import { summarizeSeries } from '../../../src/preflight/summarize.js';
import type { Spec } from '../../../src/spec-model.js';
import { exitCodeOf } from '../../../src/preflight/command.js';
import type { QueryTest } from '../../../src/preflight/types.js';

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

test('one point of 21 where the check needs 5: sparse, so check exits 3 (it would not reach a verdict)', () => {
  const summary = summarizeSeries([{ labels: {}, points: [{ t: 600, v: 1 }] }], RANGE, 5);
  expect(summary.sparse).toBe(true);
  expect(exitCodeOf([{ status: summary.sparse ? 'sparse' : 'ok' } as QueryTest])).toBe(3);
  const full = Array.from({ length: 21 }, (_, i) => ({ t: i * 30, v: 1 }));
  expect(summarizeSeries([{ labels: {}, points: full }], RANGE, 5).sparse).toBe(false);
});
