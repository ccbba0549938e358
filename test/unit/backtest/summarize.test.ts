/** Aggregation of replayed moments into false-alarm rates, and the backtest's exit code. */
import { alarmRate, summarizeBacktest } from '../../../src/backtest/summarize.js';
import type { BacktestMoment } from '../../../src/backtest/types.js';
import { formatTime } from '../../../src/time/format-time.js';
import { QUERY_CHECK, specFrom, TOP } from '../gate/spec-fixture.js';

const spec = specFrom(...TOP, ...QUERY_CHECK, '    critical: false', '    confidence: 0.99');
const T = 1768471200;

function moment(
  offsetHours: number,
  verdict: 'pass' | 'fail' | 'inconclusive',
  reason: string = verdict,
): BacktestMoment {
  return { at: formatTime(T + offsetHours * 3600), verdict, checks: [{ name: 'latency', verdict, reason }] };
}

describe('alarmRate', () => {
  it('counts inconclusive apart: 1 fail of 4 judged is 25%, whatever the 2 inconclusive', () => {
    const rate = alarmRate(['pass', 'fail', 'inconclusive', 'pass', 'inconclusive', 'pass']);
    expect(rate).toMatchObject({ judged: 4, fails: 1, inconclusive: 2, rate: 0.25 });
    expect(rate.interval?.[0]).toBeGreaterThan(0);
    expect(rate.interval?.[1]).toBeLessThan(1);
  });

  it('has no rate when nothing was judged', () => {
    expect(alarmRate(['inconclusive'])).toEqual({ judged: 0, fails: 0, inconclusive: 1, rate: null, interval: null });
  });
});

describe('summarizeBacktest', () => {
  const moments = [0, 1, 2, 3].map((h) => T + h * 3600);
  const base = { spec, moments, formatTime, notes: ['a note'], durationSeconds: 1 };

  it('lists the failing and inconclusive moments of each check, with alpha = 1 - confidence', () => {
    const replayed = [
      moment(0, 'pass'),
      moment(1, 'fail', 'mean up 40%'),
      moment(2, 'inconclusive', 'no data'),
      moment(3, 'pass'),
    ];
    const result = summarizeBacktest({ ...base, replayed });
    expect(result.exitCode).toBe(0);
    expect(result.checks).toEqual([
      expect.objectContaining({
        name: 'latency',
        critical: false,
        alpha: 0.01,
        judged: 3,
        fails: 1,
        inconclusive: 1,
        failedAt: [{ at: '2026-01-15T11:00:00Z', reason: 'mean up 40%' }],
        inconclusiveAt: [{ at: '2026-01-15T12:00:00Z', reason: 'no data' }],
      }),
    ]);
    expect(result.moments).toEqual([
      '2026-01-15T10:00:00Z',
      '2026-01-15T11:00:00Z',
      '2026-01-15T12:00:00Z',
      '2026-01-15T13:00:00Z',
    ]);
    expect(result.run.failedAt).toEqual(['2026-01-15T11:00:00Z']);
    expect(result.notes).toEqual(['a note']);
  });

  it('a failing moment keeps how soon a live run would have stopped there (decidedAfter), and the text report shows it after the deploy', async () => {
    // The moment is the replayed deploy; its post window opened a minute after it (a 1m warmup).
    const failed: BacktestMoment = {
      at: formatTime(T + 3600),
      verdict: 'fail',
      checks: [
        {
          name: 'latency',
          verdict: 'fail',
          reason: 'mean up 40%',
          decidedAfter: 75,
          decidedAt: formatTime(T + 3600 + 60 + 75),
        },
      ],
    };
    const result = summarizeBacktest({
      ...base,
      replayed: [moment(0, 'pass'), failed, moment(2, 'pass'), moment(3, 'pass')],
    });
    expect(result.checks[0]?.failedAt).toEqual([
      { at: '2026-01-15T11:00:00Z', reason: 'mean up 40%', decidedAfter: 75, decidedAt: '2026-01-15T11:02:15Z' },
    ]);
    const { renderBacktestHuman } = await import('../../../src/backtest/render.js');
    // The run's one clock: the time after the (replayed) deploy, as `run` reports it.
    expect(renderBacktestHuman(result)).toContain('2026-01-15T11:00:00Z  (decided 2m15s after the deploy) mean up 40%');
  });

  it('exits 3 when no moment could be judged', () => {
    const replayed = [0, 1, 2, 3].map((h) => moment(h, 'inconclusive'));
    const result = summarizeBacktest({ ...base, replayed });
    expect(result.exitCode).toBe(3);
    expect(result.notes).toContain('no moment could be judged: every check was inconclusive at every moment');
  });

  it('exits 3 and lists the skipped moments when interrupted', () => {
    const result = summarizeBacktest({
      ...base,
      replayed: [moment(0, 'pass'), moment(1, 'pass'), undefined, undefined],
    });
    expect(result.exitCode).toBe(3);
    expect(result.skipped).toEqual(['2026-01-15T12:00:00Z', '2026-01-15T13:00:00Z']);
    expect(result.checks[0]?.judged).toBe(2);
  });
});
