/**
 * The tolerance is part of the null: a value check fails only when the one-sided (1 - alpha)
 * bound of the relative change lies beyond the tolerance, and the interval it reports is the one
 * the test inverted. Data are seeded lognormal latencies, one point every 30 s.
 */
import { judgeCheck } from '../../../src/judge/judge-check.js';
import type { SeriesResult } from '../../../src/types.js';
import { ar1Steps, draw, seededRandom } from './helpers/random.js';
import { check, series } from './helpers/series.js';

const random = seededRandom(14);
const latency = (count: number, median: number, sigma: number): number[] =>
  draw(count, () => random.lognormal(median, sigma));

function judged(baseline: number[], candidate: number[], overrides = {}): SeriesResult {
  const after = series(candidate);
  const shifted = { ...after, points: after.points.map((p) => ({ ...p, t: p.t + 30 * baseline.length })) };
  return judgeCheck(check(overrides), [series(baseline)], [shifted], 'before-after').series[0]!;
}

describe('value checks: the tolerance is the null', () => {
  test('a true +10.2% change (tolerance 10%) on 600 + 600 tight points passes: the data cannot show it beyond 10%', () => {
    // sigma 0.05: the estimate is +10.2% +- 0.3%, certain against 0 but not against the 10% edge.
    // The old rule (p against 0, estimate beyond the tolerance) failed this about 3 times in 4.
    const result = judged(latency(600, 0.2, 0.05), latency(600, 0.2 * 1.102, 0.05));
    expect(result.verdict).toBe('pass');
    expect(result.rule).toBe('not-significant');
    expect(result.relativeChangeInterval![0]).toBeLessThan(0.1);
    expect(result.relativeChangeInterval![1]).toBeGreaterThan(0.1);
  });

  test('+40% on 60 + 20 points fails, and the 90% interval it prints (alpha 0.05 a side) lies wholly beyond the tolerance', () => {
    const result = judged(latency(60, 0.2, 0.2), latency(20, 0.28, 0.2));
    expect(result.verdict).toBe('fail');
    expect(result.intervalConfidence).toBe(0.9);
    expect(result.relativeChangeInterval![0]).toBeGreaterThan(0.1);
    expect(result.pValue).toBeLessThan(0.05);
  });

  test('direction either: the interval is two-sided at the check confidence (95%)', () => {
    const result = judged(latency(60, 0.2, 0.2), latency(20, 0.14, 0.2), { direction: 'either' });
    expect(result.verdict).toBe('fail');
    expect(result.intervalConfidence).toBe(0.95);
    expect(result.relativeChangeInterval![1]).toBeLessThan(-0.1);
  });

  test('a drop on a check for decreases with tolerance 100% can never fail: no positive value falls more than 100%', () => {
    const result = judged(latency(60, 1000, 0.1), latency(20, 100, 0.1), { direction: 'decrease', tolerance: 1 });
    expect(result.verdict).toBe('pass');
    expect(result.pValue).toBe(1);
  });

  test('mostly-zero error ratios from 5% to 40% non-zero points fail, with the interval found by inverting the same test', () => {
    // Zeros stay zeros under the rescaling, so the null is "at most 1.1 times the baseline's values".
    const ratios = (count: number, share: number): number[] =>
      draw(count, () => (random.uniform() < share ? 0.001 + 0.01 * random.uniform() : 0));
    const result = judged(ratios(120, 0.05), ratios(60, 0.4), { tolerance: 0.1 });
    expect(result.verdict).toBe('fail');
    expect(result.relativeChangeInterval === null || result.relativeChangeInterval[0] > 0.1).toBe(true);
  });
});

describe('value checks: dependence the window cannot rule out', () => {
  const ar1 = (count: number, phi: number): number[] => ar1Steps(random, count, phi);

  test('7 + 7 points whose level wandered up (AR(1) 0.9, no deploy effect) are inconclusive with the rule, never an uncorrected fail', () => {
    // The second window sits ~1.5 sd higher only because the series wanders; 7 + 7 points cannot show that.
    const values = [-1.2, -1.0, -1.3, -0.9, -0.8, -1.1, -0.7, 0.5, 0.7, 0.4, 0.8, 0.6, 0.9, 0.5].map(
      (z) => 0.2 * Math.exp(0.3 * z),
    );
    const result = judged(values.slice(0, 7), values.slice(7));
    expect(result.verdict).toBe('inconclusive');
    expect(result.rule).toBe('window-too-short');
    expect(result.reason).toMatch(/too short to tell slow wandering from a shift: 7 \+ 7 points/);
  });

  test('30 + 10 minutes of lag-1 0.99 latency at 15 s steps (160 points), no deploy effect: never a fail', () => {
    // The lag-1 fit alone read ~0.85 on such windows and failed a third of healthy deploys.
    for (let i = 0; i < 20; i++) {
      const values = ar1(160, 0.99).map((z) => 0.2 * Math.exp(0.3 * z));
      expect(judged(values.slice(0, 120), values.slice(120)).verdict).not.toBe('fail');
    }
  });
});
