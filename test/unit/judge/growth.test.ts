/**
 * Slow burns: a change that keeps growing through the post window (a leak, a filling queue) is
 * tested at the window's end by a line fitted to the post window, with alpha shared with the
 * window's shift test (weighted Simes: 90% / 10%). Each test states the data, the expected verdict
 * and why.
 */
import { judgeCheck } from '../../../src/judge/judge-check.js';
import { draw, seededRandom } from './helpers/random.js';
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
      /growing through the post window: [+-]\d+\.\d% at its start, \+\d+\.\d% at its end \(fitted line; the end's one-sided 95% bound \+\d+/,
    );
  });

  test('a change that starts as an improvement and ends 30% worse fails on its end, though the window averages +5%', () => {
    // The shift test sees about +5% over the window (within the 10% tolerance) and passes it alone;
    // the line's end, +30% with sigma 0.03, is far beyond the tolerance: rule growing.
    const baseline = draw(60, () => random.lognormal(0.2, 0.03));
    const candidate = Array.from({ length: 21 }, (_, i) => random.lognormal(0.2 * (0.8 + (0.5 * i) / 20), 0.03));
    const only = judgeCheck(check(), [series(baseline)], [post(candidate)], 'before-after').series[0]!;
    expect(only).toMatchObject({ verdict: 'fail', rule: 'growing' });
    expect(only.reason).toMatch(/^growing through the post window: -\d+\.\d% at its start, \+\d+\.\d% at its end/);
    expect(only.reason).toMatch(/the shift and growth tests combined\); the window as a whole: shift \+\d\.\d%/);
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
});
