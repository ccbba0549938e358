/**
 * Robust early stops of the value test. Data: a smooth p95 baseline, 120 points of log-normal
 * values around 100 ms with log sd 0.02 (independent), and candidates drawn the same way, then
 * changed as each test says. Tolerance 10%, alpha 0.05, a 40-point window; `span` 5 is a [1m]
 * range at 15 s steps (60 / 15 points hold one instant, plus one).
 */
import { firstValueStop } from '../../../../src/judge/sequential/first-value-stop.js';
import { lookAtValues, MIN_POINTS_BEYOND_SPAN } from '../../../../src/judge/sequential/value-look.js';
import { CLIP_SDS, prepareValueTest } from '../../../../src/judge/sequential/value-test.js';
import { mulberry32 } from '../../../../src/seeded-random.js';
import type { CountSide } from '../../../../src/judge/count/count-series.js';
import { firstCountStop } from '../../../../src/judge/sequential/first-count-stop.js';
import { lookAtSeries } from '../../../../src/judge/sequential/look-series.js';

const check = { direction: 'increase' as const, tolerance: 0.1 };
const SPAN = 5;

function smooth(seed: number, n: number, factor = 1): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return 0.1 * factor * Math.exp(0.02 * z);
  });
}

const baseline = smooth(1, 120);
const points = (values: Float64Array): { t: number; v: number }[] =>
  Array.from(values, (v, i) => ({ t: 1000 + 15 * i, v }));

test('one step adds at most CLIP_SDS long-run sds: a first post point of 26 s (x260) counts as 4 sds', () => {
  const test = prepareValueTest(check, baseline, 0.05, 40);
  if (!test.ready) throw new Error('the baseline should be usable');
  const look = lookAtValues(check, baseline, Float64Array.of(26), 0.05, 40, SPAN);
  // Unclipped, the step would be ln(260) ~ 5.6 on a scale whose sd is ~0.02: the old look was
  // "certain" at once (evidence 1.3e+252 live).
  expect(look.statistic).toBeCloseTo(CLIP_SDS * Math.sqrt(test.stepVariance), 12);
  expect(look.clipped).toBe(1);
  expect(look.stop).toBe(false);
  expect(look.change).toBeGreaterThan(100);
});

test('a sustained regression of 3.5 long-run sds a step counts in full: the clip is at 4 sds, beyond a real shift', () => {
  // Seven post points each 3.5 step sds above the threshold (a smooth p95 rising by ~+20% here):
  // nothing a healthy step does on the normal model (beyond 4 sds: 1 in 30,000), so each step
  // adds its whole excess. Clipped at 3 sds, as before, every one lost a seventh of its evidence
  // and a large shift stopped a step or two later (docs/benchmarks.md, "Earlier stops").
  const test = prepareValueTest(check, baseline, 0.05, 40);
  if (!test.ready) throw new Error('the baseline should be usable');
  const sd = Math.sqrt(test.stepVariance);
  const candidate = Float64Array.from({ length: SPAN + 2 }, () => Math.exp(test.threshold + 3.5 * sd));
  const look = lookAtValues(check, baseline, candidate, 0.05, 40, SPAN);
  expect(look.clipped).toBe(0);
  expect(look.statistic).toBeCloseTo(7 * 3.5 * sd, 9);
});

test('a restart blip, the first post point x260, then a healthy service: no look over 40 points stops', () => {
  const candidate = smooth(2, 40);
  candidate[0] = 26;
  expect(firstValueStop(check, baseline, points(candidate), 0.05, 40, SPAN)).toBeNull();
  // Even counted as one point's range (span 1) it cannot decide: 4 sds a step is not enough alone.
  expect(firstValueStop(check, baseline, points(candidate), 0.05, 40, 1)).toBeNull();
});

test('a blip through a [1m] range (5 points x3): no stop; read as 5 independent points (span 1) it would stop', () => {
  const candidate = smooth(3, 40);
  for (let i = 0; i < SPAN; i++) candidate[i] = candidate[i]! * 3;
  expect(firstValueStop(check, baseline, points(candidate), 0.05, 40, SPAN)).toBeNull();
  // Why the span is the range: five clipped steps of 4 sds reach the boundary on their own.
  expect(firstValueStop(check, baseline, points(candidate), 0.05, 40, 1)).not.toBeNull();
});

test('a sustained +50% still stops early, with at least span + 2 points and within span + 5', () => {
  const candidate = smooth(4, 40, 1.5);
  const stop = firstValueStop(check, baseline, points(candidate), 0.05, 40, SPAN);
  expect(stop).not.toBeNull();
  const n = stop!.look.values;
  expect(n).toBeGreaterThanOrEqual(SPAN + MIN_POINTS_BEYOND_SPAN);
  expect(n).toBeLessThanOrEqual(SPAN + 5);
  expect(stop!.look.reason).toMatch(/and without the strongest 5 points in a row\)$/);
  // The live look on the same points agrees with the replay.
  expect(lookAtValues(check, baseline, candidate.subarray(0, n), 0.05, 40, SPAN).stop).toBe(true);
  expect(lookAtValues(check, baseline, candidate.subarray(0, n - 1), 0.05, 40, SPAN).stop).toBe(false);
});

test('held back: all points reach the boundary, those outside the strongest run not yet, and the reason says so', () => {
  // Six points x3: all six reach the boundary, but outside the strongest five one point is left,
  // fewer than MIN_POINTS_BEYOND_SPAN (a seventh x3 point would stop: see the test above).
  const candidate = smooth(5, SPAN + 1, 3);
  const look = lookAtValues(check, baseline, candidate, 0.05, 40, SPAN);
  expect(look.stop).toBe(false);
  expect(look.heldBack).toBe(true);
  expect(look.evidence).toBeLessThan(1);
  expect(look.reason).toMatch(/not yet without the strongest 5 points in a row, which one restart blip could fill/);
});

describe('count checks: a burst in one step cannot stop alone (span 1: the count step that holds it)', () => {
  // Baseline: 60 steps of 10 errors in 2000 requests (0.5%). Tolerance 10%, alpha 0.05.
  const side = (counts: number[]): CountSide => ({
    labels: {},
    steps: counts.map((events, i) => ({ t: 1000 + 30 * i, events, trials: 2000 })),
    dropped: 0,
    zeroFilled: 0,
  });
  const base = side(Array.from({ length: 60 }, () => 10));
  const counts = { direction: 'increase' as const, tolerance: 0.1 };

  test('the first post step a restart burst of 300 errors: the first look no longer stops on it alone', () => {
    // One step has no dispersion of its own to deflate by, so without the span rule the first
    // look is certain. Later looks see the burst among healthy steps and deflate it (the
    // dispersion test of look-series.ts); the span rule covers the look the deflation cannot.
    expect(lookAtSeries(counts, base, side([300]), 0.05).stop).toBe(true);
    const look = lookAtSeries(counts, base, side([300]), 0.05, 1);
    expect(look.stop).toBe(false);
    expect(look.heldBack).toBe(true);
    expect(firstCountStop(counts, base, side([300, 10, 10, 10, 10, 10, 10, 10]), 0.05, 1)).toBeNull();
  });

  test('a sustained 10x (100 errors a step) still stops at the second step', () => {
    const stop = firstCountStop(counts, base, side([100, 100, 100, 100, 100, 100]), 0.05, 1);
    expect(stop).not.toBeNull();
    expect(stop!.at).toBe(1000 + 30);
  });
});
