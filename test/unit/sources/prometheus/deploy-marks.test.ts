import { deployMarksOf } from '../../../../src/sources/prometheus/deploy-marks.js';
import { groupMarks } from '../../../../src/gate/detect-deploy.js';
import type { Series } from '../../../../src/types.js';

const range = { start: 0, end: 600, step: 15 };
const points = (from: number, to: number, v: (t: number) => number = () => 1) =>
  Array.from({ length: Math.floor((to - from) / 15) + 1 }, (_, i) => ({ t: from + i * 15, v: v(from + i * 15) }));

test('a version label that changes: the new series appears and the old one disappears at the deploy', () => {
  // app_build_info by version: 1.0 until t=300, 1.1 from t=315 on.
  const series: Series[] = [
    { labels: { version: '1.0' }, points: points(0, 300) },
    { labels: { version: '1.1' }, points: points(315, 600) },
  ];
  const marks = deployMarksOf(series, range);
  expect(marks.map((m) => [m.at, m.how])).toEqual([
    [315, 'version'],
    [315, 'version'],
  ]);
  expect(marks.map((m) => m.detail).sort()).toEqual(['{version="1.0"} disappeared', '{version="1.1"} appeared']);
});

test('a restart: the start time jumps, and the new value (a time between the two points) is the moment', () => {
  const series: Series[] = [{ labels: { instance: 'a' }, points: points(0, 600, (t) => (t < 300 ? -5000 : 293)) }];
  const marks = deployMarksOf(series, range);
  expect(marks).toHaveLength(1);
  expect(marks[0]).toMatchObject({ at: 293, how: 'restart' });
});

test('no deploy: series present throughout, a scrape gap, and history that begins inside the range', () => {
  const gap = points(0, 600).filter((p) => p.t !== 150);
  const series: Series[] = [
    { labels: { version: '1.0' }, points: gap },
    // The server's history begins at 120 for every series: that is no deploy.
  ];
  expect(deployMarksOf(series, range)).toEqual([]);
  expect(deployMarksOf([{ labels: { version: '1.0' }, points: points(120, 600) }], range)).toEqual([]);
});

test('marks closer than settle are one deploy; farther apart, two', () => {
  const at = (t: number) => ({ at: t, how: 'restart' as const, detail: String(t) });
  expect(groupMarks([at(100), at(130), at(1000)], 60).map((g) => g.map((m) => m.at))).toEqual([[100, 130], [1000]]);
});
