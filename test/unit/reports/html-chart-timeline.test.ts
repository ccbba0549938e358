import { planTimeline } from '../../../src/reports/html/chart/timeline.js';
import { buildChartRun, DEPLOY, pointsEvery } from './html-chart-fixtures.js';

// Windows of buildChartRun: baseline 09:30-10:00, deploy 10:00, warmup to 10:01, post 10:01-10:11.
const run = buildChartRun([]);
const POST_START = DEPLOY + 60;
const POST_END = DEPLOY + 660;

describe('planTimeline', () => {
  test('before/after: one clock from the baseline start to the post end, the warmup between deploy and post', () => {
    const timeline = planTimeline(run, [
      {
        baseline: pointsEvery(DEPLOY - 1800, DEPLOY, 30, () => 1),
        candidate: pointsEvery(POST_START, POST_END, 30, () => 1),
      },
    ]);
    expect(timeline).toEqual({
      mode: 'before-after',
      start: DEPLOY - 1800,
      end: POST_END,
      baselineShift: 0,
      deployAt: DEPLOY,
      warmup: [DEPLOY, POST_START],
      note: null,
    });
  });

  test('canary: a baseline sampled after the deploy shares the post window clock, with a note', () => {
    const both = pointsEvery(POST_START, POST_END, 30, () => 1);
    const timeline = planTimeline(run, [{ baseline: both, candidate: both }]);
    expect(timeline?.mode).toBe('side-by-side');
    // The axis starts at the deploy so the warmup shows; nothing is shifted.
    expect([timeline?.start, timeline?.end, timeline?.baselineShift]).toEqual([DEPLOY, POST_END, 0]);
    expect(timeline?.note).toContain('same window, side by side');
  });

  test("baseline.offset 1h: the baseline is drawn shifted forward by the windows' distance, and the note says so", () => {
    // The offset baseline ends an hour before the post window ends: 09:11, from 08:41.
    const offsetRun = {
      ...run,
      windows: {
        ...run.windows,
        baseline: { start: '2026-11-26T08:41:00Z', end: '2026-11-26T09:11:00Z', offset: 3600 },
      },
    };
    const timeline = planTimeline(offsetRun, [
      {
        baseline: pointsEvery(POST_END - 3600 - 1800, POST_END - 3600, 30, () => 1),
        candidate: pointsEvery(POST_START, POST_END, 30, () => 1),
      },
    ]);
    expect(timeline?.mode).toBe('shifted-baseline');
    expect(timeline?.baselineShift).toBe(3600);
    // Shifted, the baseline covers 09:41-10:11, so the axis is 09:41 to 10:11.
    expect([timeline?.start, timeline?.end]).toEqual([POST_END - 1800, POST_END]);
    expect(timeline?.note).toBe(
      "The baseline was read 1h earlier (baseline.offset) and is drawn shifted by that much, onto the candidate's clock.",
    );
  });

  test('an early stop: a one-point candidate after the deploy is before/after, with nothing shifted and no note', () => {
    // The run stopped at the first look: one candidate point at 10:01:30. The gap to the baseline
    // (90 s) is wider than the warmup plus the candidate's (zero) length, but no offset was set.
    const timeline = planTimeline(run, [
      {
        baseline: pointsEvery(DEPLOY - 1800, DEPLOY, 30, () => 1),
        candidate: [{ t: POST_START + 30, v: 5 }],
      },
    ]);
    expect(timeline).toEqual({
      mode: 'before-after',
      start: DEPLOY - 1800,
      end: POST_START + 30,
      baselineShift: 0,
      deployAt: DEPLOY,
      warmup: [DEPLOY, POST_START],
      note: null,
    });
  });

  test('a baseline read a while before the deploy (a snapshot) stays on its own clock without an offset', () => {
    // Sampled from 66.304 s before the deploy; the candidate sampled after the warmup.
    const timeline = planTimeline(run, [
      {
        baseline: pointsEvery(DEPLOY - 116.304, DEPLOY - 66.304, 5, () => 1),
        candidate: pointsEvery(POST_START, POST_START + 50, 5, () => 1),
      },
    ]);
    expect(timeline?.mode).toBe('before-after');
    expect(timeline?.baselineShift).toBe(0);
    expect(timeline?.note).toBeNull();
  });

  test('an offset is worded in whole seconds, as the rest of the report words durations', () => {
    const offsetRun = {
      ...run,
      windows: {
        ...run.windows,
        baseline: { start: '2026-11-26T09:38:53.696Z', end: '2026-11-26T09:39:53.696Z', offset: 66.304 },
      },
    };
    const timeline = planTimeline(offsetRun, [
      {
        baseline: pointsEvery(DEPLOY - 1270, DEPLOY - 1210, 10, () => 1),
        candidate: pointsEvery(POST_START, POST_END, 30, () => 1),
      },
    ]);
    expect(timeline?.mode).toBe('shifted-baseline');
    expect(timeline?.note).toContain('read 1m6s earlier');
    expect(timeline?.note).not.toMatch(/\dms/);
  });

  test('NaN points do not stretch the axis; no finite point at all gives no timeline', () => {
    const nan = [{ t: DEPLOY - 86400, v: Number.NaN }];
    const timeline = planTimeline(run, [
      {
        baseline: [...nan, ...pointsEvery(DEPLOY - 1800, DEPLOY, 30, () => 1)],
        candidate: pointsEvery(POST_START, POST_END, 30, () => 1),
      },
    ]);
    expect(timeline?.start).toBe(DEPLOY - 1800);
    expect(planTimeline(run, [{ baseline: nan, candidate: [] }])).toBeNull();
  });
});
