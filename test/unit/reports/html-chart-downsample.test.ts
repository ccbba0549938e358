import {
  chartRuns,
  downsampleMinMax,
  finitePoints,
  splitAtGaps,
  typicalStep,
} from '../../../src/reports/html/chart/downsample.js';
import { pointsEvery } from './html-chart-fixtures.js';

describe('chart points', () => {
  test('NaN and infinite values are dropped, finite ones kept in order', () => {
    const points = [
      { t: 0, v: 1 },
      { t: 30, v: Number.NaN },
      { t: 60, v: Infinity },
      { t: 90, v: -Infinity },
      { t: 120, v: 2 },
    ];
    expect(finitePoints(points)).toEqual([
      { t: 0, v: 1 },
      { t: 120, v: 2 },
    ]);
  });

  test('the typical step ignores repeated times of pooled series', () => {
    // Two pods pooled: every time appears twice; the step is still 30s.
    const pooled = [0, 0, 30, 30, 60, 60, 90, 90].map((t) => ({ t, v: 1 }));
    expect(typicalStep(pooled)).toBe(30);
  });

  test('a hole of more than 2.5 steps breaks the line; one missing step does not', () => {
    // 30s steps; 60 -> 120 misses one step (kept joined), 150 -> 300 misses four (a break).
    const times = [0, 30, 60, 120, 150, 300, 330];
    const runs = splitAtGaps(times.map((t) => ({ t, v: 1 })));
    expect(runs.map((run) => run.map((p) => p.t))).toEqual([
      [0, 30, 60, 120, 150],
      [300, 330],
    ]);
  });

  test('10000 points thinned to 300 keep the one-step spike and dip, in time order', () => {
    // A flat 1.0 with a spike to 50 at index 4321 and a dip to -50 at index 7000.
    const points = pointsEvery(0, 9999 * 5, 5, (i) => (i === 4321 ? 50 : i === 7000 ? -50 : 1));
    const kept = downsampleMinMax(points, 300);
    expect(kept.length).toBeLessThanOrEqual(300);
    expect(kept).toContainEqual({ t: 4321 * 5, v: 50 });
    expect(kept).toContainEqual({ t: 7000 * 5, v: -50 });
    expect(kept.map((p) => p.t)).toEqual([...kept.map((p) => p.t)].sort((a, b) => a - b));
  });

  test('short series are drawn whole', () => {
    const points = pointsEvery(0, 300, 30, (i) => i);
    expect(downsampleMinMax(points, 300)).toEqual(points);
  });

  test('a side is split at gaps and stays within the budget overall', () => {
    const first = pointsEvery(0, 4999 * 10, 10, (i) => i % 7);
    const second = pointsEvery(100000, 100000 + 4999 * 10, 10, (i) => i % 5);
    const runs = chartRuns([...first, ...second], 300);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.length + runs[1]!.length).toBeLessThanOrEqual(300);
  });
});
