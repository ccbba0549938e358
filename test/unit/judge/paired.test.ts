/**
 * Paired comparisons: a canary's two queries read the same window, and a `baseline.offset`
 * baseline reads the post window's time of day `offset` earlier, so each candidate point pairs
 * with the baseline point at t - offset and the shape both sides share cancels. Each test states
 * the data, the expected verdict and why.
 */
import { judgeCheck } from '../../../src/judge/judge-check.js';
import type { Series } from '../../../src/types.js';
import { seededRandom } from './helpers/random.js';
import { check } from './helpers/series.js';

const DAY = 86_400;
const T0 = 1_700_000_000;
const random = seededRandom(20261206);

/** m points 30 s apart from `start`, with values from `value(i)`. */
const timed = (m: number, start: number, value: (i: number) => number): Series => ({
  labels: {},
  points: Array.from({ length: m }, (_, i) => ({ t: start + 30 * i, v: value(i) })),
});

/** A daily latency curve that halves in the middle of the window (the evening peak ends), with 10% noise. */
const daily = (m: number, start: number, factor: number): Series =>
  timed(m, start, (i) => 0.2 * (i >= m / 2 ? 0.5 : 1) * factor * Math.exp(0.1 * random.normal()));

describe('baseline.offset: post point t pairs with the baseline point t - offset', () => {
  test('a healthy deploy over a sharp daily drop passes once paired (unpaired, the shared drop reads as autocorrelation)', () => {
    // 30 points each side, both halving at the same time of day; no change between the days.
    const baseline = daily(30, T0 - DAY, 1);
    const candidate = daily(30, T0, 1);
    const unpaired = judgeCheck(check(), [baseline], [candidate], 'before-after');
    expect(unpaired.verdict).toBe('inconclusive');
    const paired = judgeCheck(check(), [baseline], [candidate], 'before-after', DAY);
    const series = paired.series[0]!;
    expect(series.verdict).toBe('pass');
    expect(series.comparison).toBe('paired');
    expect(series.test).toBe('paired-t');
    expect(series.reason).toMatch(/^paired by timestamp \(30 pairs\), baseline 1d earlier: ratio [+-]\d/);
  });

  test('+30% over the same curve fails: the one-sided 95% bound of the paired ratio lies above the 10% tolerance', () => {
    const baseline = daily(30, T0 - DAY, 1);
    const candidate = daily(30, T0, 1.3);
    const series = judgeCheck(check(), [baseline], [candidate], 'before-after', DAY).series[0]!;
    expect(series.verdict).toBe('fail');
    expect(series.rule).toBe('beyond-tolerance');
    expect(series.intervalConfidence).toBeCloseTo(0.9, 12);
    // The interval is the test's: its lower end is the one-sided bound, beyond the tolerance.
    expect(series.relativeChangeInterval![0]).toBeGreaterThan(0.1);
    expect(series.relativeChange).toBeGreaterThan(0.2);
  });

  test('a regression growing from +0% to +60% through the window is reported as growing, on the paired differences', () => {
    const baseline = daily(30, T0 - DAY, 1);
    const shape = daily(30, T0, 1);
    const candidate = { ...shape, points: shape.points.map((p, i) => ({ t: p.t, v: p.v * (1 + (0.6 * i) / 29) })) };
    const series = judgeCheck(check(), [baseline], [candidate], 'before-after', DAY).series[0]!;
    expect(series).toMatchObject({ verdict: 'fail', comparison: 'paired' });
    expect(series.reason).toMatch(/growing through the post window: [+-]\d+\.\d% at its start, \+\d+\.\d% at its end/);
    expect(series.reason).toMatch(/paired by timestamp \(30 pairs\)/);
  });

  test('a longer baseline pairs only the post window time of day; the rest is not read twice', () => {
    // 60 baseline points a day earlier whose last 30 are the post window's time of day.
    const baseline = timed(60, T0 - DAY - 30 * 30, (i) => (i < 30 ? 0.5 : 0.2 * (i >= 45 ? 0.5 : 1)));
    const candidate = daily(30, T0, 1);
    const series = judgeCheck(check(), [baseline], [candidate], 'before-after', DAY).series[0]!;
    expect(series.reason).toMatch(/^paired by timestamp \(30 pairs\)/);
  });

  test('too few pairs: the windows are compared as independent samples, and a note says why', () => {
    // The baseline ends 3 steps into the post window's time of day: 3 of 20 points pair (21 needed to
    // estimate the differences' own autocorrelation).
    const baseline = timed(40, T0 - DAY - 37 * 30, () => 0.2 * Math.exp(0.1 * random.normal()));
    const candidate = timed(20, T0, () => 0.2 * Math.exp(0.1 * random.normal()));
    const series = judgeCheck(check(), [baseline], [candidate], 'before-after', DAY).series[0]!;
    expect(series.comparison).toBe('independent');
    expect(series.test).toBe('mann-whitney');
    expect(series.notes).toContainEqual(
      expect.stringMatching(/^not paired by timestamp: only 3 of 20 candidate points have a baseline point/),
    );
  });
});

describe('canary: baseline and candidate points at the same timestamp pair', () => {
  /** A load both pods ride: a slow random walk of +-30%. */
  const load = (m: number): number[] => {
    let level = 0;
    return Array.from({ length: m }, () => (level = 0.9 * level + 0.15 * random.normal()));
  };

  test('a candidate 20% slower under a wandering shared load fails (unpaired, the load hides it)', () => {
    const shared = load(30);
    const side = (factor: number): Series =>
      timed(30, T0, (i) => 0.2 * factor * Math.exp(shared[i]! + 0.05 * random.normal()));
    const baseline = side(1);
    const candidate = side(1.2);
    // As independent samples (what the judge did before pairing) the load's wander hides the change.
    expect(judgeCheck(check(), [baseline], [candidate], 'before-after').verdict).not.toBe('fail');
    const series = judgeCheck(check(), [baseline], [candidate], 'canary').series[0]!;
    expect(series.verdict).toBe('fail');
    expect(series.reason).toMatch(/^paired by timestamp \(30 pairs\): ratio \+\d+\.\d% \[/);
  });

  test("20 canary points are too few to estimate the differences' autocorrelation: compared unpaired, saying why", () => {
    const side = (): Series => timed(20, T0, () => 0.2 * Math.exp(0.1 * random.normal()));
    const series = judgeCheck(check(), [side()], [side()], 'canary').series[0]!;
    expect(series).toMatchObject({ verdict: 'pass', comparison: 'independent', test: 'mann-whitney' });
    expect(series.notes).toContainEqual(
      expect.stringMatching(/^not paired by timestamp: only 20 of 20 .*pairing needs 21/),
    );
  });

  test('error ratios with zeros are paired as raw differences, relative to the baseline level', () => {
    // Half the steps see no error on either pod; the candidate's ratio is the baseline's + 0.001.
    const base = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 0 : 0.01 + 0.001 * random.normal()));
    const baseline = timed(30, T0, (i) => base[i]!);
    const candidate = timed(30, T0, (i) => base[i]! + (i % 2 === 0 ? 0 : 0.0001 * random.normal()));
    const series = judgeCheck(check(), [baseline], [candidate], 'canary').series[0]!;
    expect(series.verdict).toBe('pass');
    expect(series.reason).toMatch(/^paired by timestamp \(30 pairs\): difference /);
  });
});
