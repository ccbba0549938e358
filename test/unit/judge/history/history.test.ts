/**
 * `baseline.history`: the spread of the change between adjacent windows over past hours
 * (spread.ts), the re-decision against it (redecide.ts), and both through judgeCheck. Each case
 * states the data, the expected verdict and why.
 */
import { decideWithHistory } from '../../../../src/judge/history/redecide.js';
import { measureHistorySpread, type HistoryGeometry } from '../../../../src/judge/history/spread.js';
import { judgeCheck } from '../../../../src/judge/judge-check.js';
import type { Series } from '../../../../src/types.js';
import { check } from '../helpers/series.js';
import { ar1Steps, seededRandom } from '../helpers/random.js';

const T0 = 1_700_000_000;
const STEP = 15;

/** `values` one every 15 s from `start` (an index of steps after T0). */
const at = (values: readonly number[], start = 0, labels = {}): Series => ({
  labels,
  points: values.map((v, i) => ({ t: T0 + (start + i) * STEP, v })),
});

/** A latency whose log is an AR(1) with lag-1 correlation phi and marginal sd sigma, median 0.2. */
function wandering(seed: number, count: number, phi: number, sigma = 0.3): number[] {
  return ar1Steps(seededRandom(seed), count, phi).map((x) => 0.2 * Math.exp(sigma * x));
}

// The run's windows at 15 s steps: 30 minutes of baseline (121 points), the post window of 10 minutes (41).
const N = 121;
const M = 41;
const geometryOver = (history: Series): HistoryGeometry => ({
  baseline: N * STEP,
  gap: 0,
  post: (M - 1) * STEP,
  start: history.points[0]!.t,
  end: history.points[history.points.length - 1]!.t,
});

describe('the spread of the change between adjacent windows', () => {
  test('a level that never moves: every past change is 0, so the spread is 0', () => {
    const history = at(Array<number>(5760).fill(0.2));
    const spread = measureHistorySpread(history.points, geometryOver(history), 5);
    // 24 h of windows 40 minutes long (a 30-minute baseline, a 10-minute post window), slid every 10 minutes:
    // 140 past moments; 35 whole spans fit, and the moments measured stand for 34 of them.
    // The points never scatter inside a window either: the noise is 0 (to rounding).
    expect(spread).toEqual({
      spread: 0,
      scale: 'log',
      moments: 140,
      degreesOfFreedom: 34,
      noise: expect.closeTo(0, 12) as number,
    });
  });

  test('a level that steps by exactly +10% every 40 minutes: each span with a step shows log(1.1); the spread is its rms', () => {
    const values = Array.from({ length: 5760 }, (_, i) => 0.2 * 1.1 ** Math.floor(i / 160));
    const history = at(values);
    const spread = measureHistorySpread(history.points, geometryOver(history), 5);
    if (!('spread' in spread)) throw new Error(spread.shortfall);
    // Windows that straddle a step see +10% (log 0.0953), the others 0: the rms lies between.
    expect(spread.spread).toBeGreaterThan(0.03);
    expect(spread.spread).toBeLessThanOrEqual(Math.log(1.1) + 1e-12);
  });

  test('three hours of history hold 4 spans of 40 minutes: too few to measure a spread, and it says so', () => {
    const history = at(Array<number>(720).fill(0.2));
    expect(measureHistorySpread(history.points, geometryOver(history), 5)).toEqual({
      shortfall: 'the history holds 4 baseline + post span(s), fewer than 5',
    });
  });

  test('a history whose points began an hour ago gives only the moments of that hour: too few', () => {
    const history = at(Array<number>(240).fill(0.2), 5760 - 240);
    const geometry = { ...geometryOver(history), start: T0 };
    expect(measureHistorySpread(history.points, geometry, 5)).toEqual({
      shortfall: "only 5 past moment(s) had 5+ usable points on both sides, fewer than 5 spans' worth",
    });
  });
});

describe('a change re-decided against the history', () => {
  const settings = { direction: 'increase' as const, tolerance: 0.1, confidence: 0.95 };
  const history = (spread: number) => ({ spread, scale: 'log' as const, moments: 141, degreesOfFreedom: 36 });

  test('+30% where adjacent windows differ by ±5%: the one-sided bound (log 0.262 - 1.69 x 0.05) is beyond +10%: fail', () => {
    const decision = decideWithHistory(
      { relativeChange: 0.3, relativeChangeInterval: null, intervalConfidence: 0.95 },
      history(0.05),
      settings,
    );
    expect(decision?.regressed).toBe(true);
    // t = (log 1.3 - log 1.1) / 0.05 = 3.34 with 36 degrees of freedom.
    expect(decision?.pValue).toBeCloseTo(0.001, 3);
    // The 90% interval (1 - 2 alpha): its lower end is the test's bound, beyond the tolerance.
    expect(decision?.intervalConfidence).toBe(0.9);
    expect(decision?.relativeChangeInterval[0]).toBeGreaterThan(0.1);
  });

  test('+15% where adjacent windows differ by ±10%: well inside what history shows: pass', () => {
    const decision = decideWithHistory(
      { relativeChange: 0.15, relativeChangeInterval: [0.1, 0.2], intervalConfidence: 0.95 },
      history(0.1),
      settings,
    );
    expect(decision?.regressed).toBe(false);
    expect(decision?.pValue).toBeGreaterThan(0.3);
  });

  test('a window noisier than history keeps its own variance: +30% with a within-window interval [-20%, +90%] passes', () => {
    const decision = decideWithHistory(
      { relativeChange: 0.3, relativeChangeInterval: [-0.2, 0.9], intervalConfidence: 0.95 },
      history(0.05),
      settings,
    );
    expect(decision?.regressed).toBe(false);
    expect(decision?.combinedError).toBe(decision?.withinError);
  });

  test('+50% on a persistent series whose windows are as noisy as history: history decides, fail', () => {
    // The within-window interval [-10%, +150%] (90%) is wide because the windows' long-run variance is
    // estimated cautiously from 121 and 41 correlated points: log-scale error 0.31, more than twice the
    // history's 0.15. But the points scatter as much as they did in history's windows (noise 0.021 vs
    // 0.02), so nothing says these windows are noisier: history's spread is the variance of this change.
    // t = (log 1.5 - log 1.1) / 0.15 = 2.07 with 34 degrees of freedom: p = 0.023 < 0.05, fail.
    const decision = decideWithHistory(
      { relativeChange: 0.5, relativeChangeInterval: [-0.1, 1.5], intervalConfidence: 0.9, noise: 0.021 },
      { ...history(0.15), degreesOfFreedom: 34, noise: 0.02 },
      settings,
    );
    expect(decision?.combinedError).toBe(0.15);
    expect(decision?.pValue).toBeCloseTo(0.023, 2);
    expect(decision?.regressed).toBe(true);
  });

  test('the same +50% whose points scatter three times as much as in history: the windows keep their own variance, pass', () => {
    // Noise 0.06 against history's 0.02: the windows are noisier than history shows (an incident), so
    // the within-window error 0.31 decides: t = (0.405 - 0.095) / 0.31 = 1.0, p = 0.16: pass.
    const decision = decideWithHistory(
      { relativeChange: 0.5, relativeChangeInterval: [-0.1, 1.5], intervalConfidence: 0.9, noise: 0.06 },
      { ...history(0.15), degreesOfFreedom: 34, noise: 0.02 },
      settings,
    );
    expect(decision?.combinedError).toBe(decision?.withinError);
    expect(decision?.regressed).toBe(false);
  });

  test('a change with no relative size (zero baseline) is left to the within-window judge', () => {
    const within = { relativeChange: null, relativeChangeInterval: null, intervalConfidence: 0.95 };
    expect(decideWithHistory(within, history(0.05), settings)).toBeNull();
  });
});

describe('judgeCheck with baseline.history', () => {
  // 24 hours of a latency wandering with lag-1 correlation 0.99 at 15 s steps; the last 121 points are the baseline.
  const H = 5760;
  const judged = (seed: number, shift: number, seconds = 86400) => {
    const values = wandering(seed, H + M, 0.99).map((v, i) => (i >= H ? v * (1 + shift) : v));
    const history = at(values.slice(0, H));
    const baseline = at(values.slice(H - N, H), H - N);
    const candidate = at(values.slice(H), H);
    const spec = check({ step: STEP });
    return {
      without: judgeCheck(spec, [baseline], [candidate], 'before-after'),
      with: judgeCheck(spec, [baseline], [candidate], 'before-after', undefined, {
        seconds,
        geometry: geometryOver(history),
        series: [history],
      }),
    };
  };

  test('a healthy persistent latency the windows alone cannot judge passes with history', () => {
    // Seed 1: shift -14%; the windows alone are inconclusive (too few effective samples); history shows adjacent windows differ by ±26%.
    const { without, with: result } = judged(1, 0);
    expect(without.verdict).toBe('inconclusive');
    expect(result.verdict).toBe('pass');
    expect(result.series[0]?.history).toMatchObject({ seconds: 86400, decided: true });
    expect(result.series[0]?.reason).toMatch(/adjacent windows differ by ±\d+(\.\d)?% over the last 1d/);
  });

  test('a healthy persistent latency the windows alone would fail passes: +34% is what adjacent windows show (±30%)', () => {
    // Seed 7: within the windows the shift looks certain (their noise says ±6%), but history shows the level wanders that far.
    const { without, with: result } = judged(7, 0);
    expect(without.verdict).toBe('fail');
    expect(result.verdict).toBe('pass');
    expect(result.series[0]?.rule).toBe('not-significant');
  });

  test('a tripled latency stands out from the natural variability: fail', () => {
    const { with: result } = judged(7, 2);
    expect(result.verdict).toBe('fail');
    expect(result.series[0]?.rule).toBe('beyond-tolerance');
    expect(result.series[0]?.reason).toMatch(/beyond tolerance 10% and the natural variability/);
  });

  test('a history of 3 hours is too short: the windows decide alone, with a note saying why', () => {
    const values = wandering(7, H + M, 0.99);
    const history = at(values.slice(H - 720, H), H - 720);
    const result = judgeCheck(
      check({ step: STEP }),
      [at(values.slice(H - N, H), H - N)],
      [at(values.slice(H), H)],
      'before-after',
      undefined,
      { seconds: 10800, geometry: geometryOver(history), series: [history] },
    );
    expect(result.series[0]?.history).toMatchObject({ decided: false, spread: null });
    expect(result.series[0]?.notes?.join('\n')).toMatch(/baseline.history 3h not used: the history holds 4/);
  });
});
