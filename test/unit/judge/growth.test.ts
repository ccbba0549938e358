/**
 * Slow burns: a change that keeps growing through the post window (a leak, a filling queue) is
 * tested by a time-weighted Mann-Whitney (each post point's placement among the baseline,
 * weighted 1 + 3u, u from 0 at the first post point to 1 at the last), which decides whenever the
 * post window has at least 12 points. Each test states the data, the expected
 * verdict and why.
 */
import { testGrowth } from '../../../src/judge/drift.js';
import { judgeCheck } from '../../../src/judge/judge-check.js';
import { ar1Steps, draw, seededRandom } from './helpers/random.js';
import { check, series } from './helpers/series.js';

const random = seededRandom(20261207);
const T0 = 1_700_000_000;
const post = (values: number[]) => ({
  labels: {},
  points: values.map((v, i) => ({ t: T0 + 30 * (60 + i), v })),
});

describe('a change that grows through the post window', () => {
  test('latency rising linearly from +0% to +60% over ten minutes fails and is reported as growing', () => {
    // 60 baseline points around 0.2 (sigma 0.1 on the log scale), 21 post points whose level rises
    // from 0.2 to 0.32: the fitted line starts near +0% and ends near +60%.
    const baseline = draw(60, () => random.lognormal(0.2, 0.1));
    const candidate = Array.from({ length: 21 }, (_, i) => random.lognormal(0.2 * (1 + (0.6 * i) / 20), 0.1));
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only.verdict).toBe('fail');
    expect(only.reason).toMatch(
      /growing through the post window: [+-]\d+\.\d% at its start, \+\d+\.\d% at its end \(fitted line\); weighted toward its end the window is \+\d+\.?\d*% \(one-sided 95% bound \+\d+/,
    );
  });

  test('a leak that starts a third into the window fails on the window weighted toward its end, though the shift test alone passes', () => {
    // Flat at the baseline's level for the first 30% of the post window, then rising linearly to
    // +60% at its last point (sigma 0.03). Beyond the 10% tolerance are the points after u = 0.42
    // (u from 0 at the first post point to 1 at the last): 58% of the points, too few for the
    // window's shift test (Mann-Whitney against the tolerance, p ~0.2), but 73% of the weight of
    // the growth test (weights 1 + 3u): its weighted placement among the baseline is about 0.73
    // against 0.5 for no regression, with a standard deviation of about 0.08: rule growing.
    const baseline = draw(60, () => random.lognormal(0.2, 0.03));
    const candidate = Array.from({ length: 21 }, (_, i) =>
      random.lognormal(0.2 * (1 + (0.6 / 0.7) * Math.max(0, i / 20 - 0.3)), 0.03),
    );
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only).toMatchObject({ verdict: 'fail', rule: 'growing' });
    expect(only.reason).toMatch(/^growing through the post window: [+-]\d+\.\d% at its start, \+\d+\.\d% at its end/);
    expect(only.reason).toMatch(
      /weighted toward the window.s end\); the window as a whole: shift \+\d+\.\d% \[[^\]]+\], not significant \(p = /,
    );
  });

  test('a step change that stays flat fails on its shift and is not called growing', () => {
    // +50% from the first post point on, flat: the shift test fails; the line does not rise.
    const baseline = draw(60, () => random.lognormal(0.2, 0.1));
    const candidate = draw(21, () => random.lognormal(0.3, 0.1));
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only).toMatchObject({ verdict: 'fail', rule: 'beyond-tolerance' });
    expect(only.reason).not.toMatch(/growing/);
  });

  test('a healthy window of the same distribution passes: no growth, no shift', () => {
    const baseline = draw(60, () => random.lognormal(0.2, 0.1));
    const candidate = draw(21, () => random.lognormal(0.2, 0.1));
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only.verdict).toBe('pass');
    expect(only.reason).not.toMatch(/growing/);
  });

  test('a change that improves first and then sits just inside the tolerance passes: no post point is a regression', () => {
    // -30% for the first 7 of 21 post points, then +8% (sigma 0.03): every point is within the
    // 10% tolerance, so this must pass. A line fitted through the window rises from the dip and
    // its end overshoots to about +20%: a test of the line's end (the previous growth test, whose
    // weights are negative on the early points) failed it. The growth test's weights (1 + 3u) are
    // never negative: 80% of its weight is on points just inside the tolerance (placement about
    // 0.5 against the baseline once rescaled by 1.1), 20% on points far below it.
    const baseline = draw(60, () => random.lognormal(0.2, 0.03));
    const candidate = Array.from({ length: 21 }, (_, i) => random.lognormal(0.2 * (i < 7 ? 0.7 : 1.08), 0.03));
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only.verdict).toBe('pass');
    expect(only.rule).not.toBe('growing');
  });
});

describe('post windows longer than the growth test reads (thinned evenly to 2,000 points)', () => {
  /** n points of a lognormal latency around 0.2 whose log is an AR(1) of persistence phi (marginal sd sigma), times `factor(i)`. */
  const persistent = (n: number, phi: number, sigma: number, factor: (i: number) => number = () => 1): number[] =>
    ar1Steps(random, n, phi).map((z, i) => 0.2 * Math.exp(sigma * z) * factor(i));
  /** One side as the growth test reads it: values in time order at 15 s steps from `first`, and sorted. */
  const timed = (values: number[], first: number) => ({
    ordered: Float64Array.from(values),
    sorted: Float64Array.from(values).sort(),
    times: Float64Array.from(values, (_, i) => T0 + 15 * (first + i)),
  });
  const longPost = (values: number[]) => ({
    labels: {},
    points: values.map((v, i) => ({ t: T0 + 15 * (6000 + i), v })),
  });

  test('a leak that starts a third into a 6,000-point window is caught by the growth test on the thinned points', () => {
    // 6,000 baseline and 6,000 post points (15 s steps, 25 hours each), sigma 0.05, lag-1 0.5:
    // flat for the first 30% of the post window, then rising linearly to +60% at its last point,
    // as in the 21-point leak above. The growth test reads every third post point: those beyond
    // the 10% tolerance (after u = 0.42) carry 73% of its weight, so the weighted placement is
    // about 0.73 against 0.5 for no regression, with a standard deviation of a few thousandths.
    const baseline = persistent(6000, 0.5, 0.05);
    const candidate = persistent(6000, 0.5, 0.05, (i) => 1 + (0.6 / 0.7) * Math.max(0, i / 5999 - 0.3));
    const only = judgeCheck(check({ step: 15 }), [series(baseline)], [longPost(candidate)], 'before-after').series[0]!;
    // So large a window also moves its shift beyond the tolerance (rule beyond-tolerance); the
    // growth test on the thinned points decides on its own too, and the reason calls it growing.
    expect(only.verdict).toBe('fail');
    expect(only.reason).toMatch(/growing through the post window: [+-]\d+\.\d% at its start, \+\d+\.?\d*% at its end/);
    const growth = testGrowth(timed(baseline, 0), timed(candidate, 6000), check(), 0.05);
    expect(growth!.pValue).toBeLessThan(1e-6);
  });

  test('a healthy persistent 6,000-point window passes: the thinned points keep their dependence', () => {
    // Lag-1 0.9 at 15 s on both sides, no change. The growth test reads every third post point,
    // whose persistence is 0.9^3 = 0.73: the variance it assumes still carries the dependence (an
    // independent-points variance would be about 6 times too small and fail such windows often).
    const baseline = persistent(6000, 0.9, 0.1);
    const candidate = persistent(6000, 0.9, 0.1);
    const only = judgeCheck(check({ step: 15 }), [series(baseline)], [longPost(candidate)], 'before-after').series[0]!;
    expect(only.verdict).toBe('pass');
  });
});
