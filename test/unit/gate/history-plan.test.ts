/** `baseline.history` in the plan: the range each before/after value check reads, in pieces Prometheus answers, and the windows' geometry. */
import { joinPieces, splitRange } from '../../../src/gate/history-plan.js';
import { planRun } from '../../../src/gate/plan.js';
import { MAX_POINTS_PER_SERIES } from '../../../src/time/windows.js';
import { COUNT_CHECK, QUERY_CHECK, specFrom } from './spec-fixture.js';

const DEPLOY = 1_800_000_000; // on the 15 s grid
const top = (history: string, step = '15s') => [
  'version: 1',
  `baseline: {history: ${history}}`,
  `defaults: {step: ${step}}`,
  'sources:',
  '  prom: {type: prometheus, url: "http://127.0.0.1:9090"}',
  'checks:',
];

describe('the history a check reads', () => {
  test("24h before the deploy at the check step, one query; the windows as long as the run's", () => {
    const plan = planRun(specFrom(...top('24h'), ...QUERY_CHECK), DEPLOY);
    const history = plan.checks[0]!.history!;
    expect(history.range).toEqual({ start: DEPLOY - 86400, end: DEPLOY, step: 15 });
    expect(history.pieces).toEqual([history.range]);
    // The baseline's 121 points span 30m + one step; the post window's 40 points start one step after the deploy's.
    expect(history.geometry).toEqual({ baseline: 1815, gap: 0, post: 585, start: DEPLOY - 86400, end: DEPLOY });
  });

  test('7d at 15 s is 40,321 points a series: four queries, none over the limit, none sharing a point', () => {
    const history = planRun(specFrom(...top('7d'), ...QUERY_CHECK), DEPLOY).checks[0]!.history!;
    expect(history.pieces).toHaveLength(4);
    for (const piece of history.pieces)
      expect((piece.end - piece.start) / 15 + 1).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    expect(history.pieces[0]!.start).toBe(history.range.start);
    expect(history.pieces[3]!.end).toBe(history.range.end);
    history.pieces.slice(1).forEach((piece, i) => expect(piece.start).toBe(history.pieces[i]!.end + 15));
  });

  test('a count check reads no history (it is judged as counts)', () => {
    expect(planRun(specFrom(...top('24h', '30s'), ...COUNT_CHECK), DEPLOY).checks[0]!.history).toBeUndefined();
  });

  test('pieces are joined by labels, in time order', () => {
    const a = { labels: { route: '/a' }, points: [{ t: 1, v: 1 }] };
    const later = { labels: { route: '/a' }, points: [{ t: 2, v: 2 }] };
    expect(joinPieces([[a], [later]])).toEqual([
      {
        labels: { route: '/a' },
        points: [
          { t: 1, v: 1 },
          { t: 2, v: 2 },
        ],
      },
    ]);
    expect(splitRange({ start: 0, end: 10, step: 1 })).toEqual([{ start: 0, end: 10, step: 1 }]);
  });
});
