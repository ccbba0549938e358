/** The stop rule: the one-sided BF+ >= 1/alpha, which only the bad side of theta0 can reach. */
import { decideSequentialStop } from '../../../../src/judge/sequential/stop-rule.js';
import { LOOK_SHARE, sequentialAlpha } from '../../../../src/judge/sequential/alpha-split.js';
import { lookAtSeries } from '../../../../src/judge/sequential/look-series.js';
import { logShareBayesFactor } from '../../../../src/judge/sequential/bayes-factor.js';
import { formatBayesFactor } from '../../../../src/judge/sequential/format.js';
import type { CountSide } from '../../../../src/judge/count/count-series.js';

const base = { tolerance: 0.25, alpha: 0.05 } as const;

test('errors 0.5% -> 5% over 20k candidate requests: certain of a rise, stop', () => {
  // Baseline 300 errors in 60k; candidate 1000 in 20k. theta0 = 25k / 85k = 0.294, share = 0.77.
  const look = decideSequentialStop({
    ...base,
    direction: 'increase',
    baseline: { events: 300, trials: 60_000 },
    candidate: { events: 1000, trials: 20_000 },
  });
  expect(look.theta0).toBeCloseTo(25_000 / 85_000, 12);
  expect(look.badSide).toBe(true);
  expect(look.bayesFactor).toBeGreaterThan(20);
  expect(look.stop).toBe(true);
  expect(look.pValue).toBeCloseTo(1 / look.bayesFactor, 12);
});

test('the same rate on both sides: no stop (share near theta0 / 1.25)', () => {
  const look = decideSequentialStop({
    ...base,
    direction: 'increase',
    baseline: { events: 300, trials: 60_000 },
    candidate: { events: 100, trials: 20_000 },
  });
  expect(look.stop).toBe(false);
});

test('a large drop in errors is the good direction for increase: BF+ far below 1 (finite), no stop', () => {
  // Errors 5% -> 0.05%: the two-sided mixture would call this overwhelming evidence (of a fall);
  // the one-sided mixture only weighs rises beyond the tolerance, so its factor is tiny.
  const look = decideSequentialStop({
    ...base,
    direction: 'increase',
    baseline: { events: 3000, trials: 60_000 },
    candidate: { events: 10, trials: 20_000 },
  });
  expect(look.badSide).toBe(false);
  expect(Number.isFinite(look.logBayesFactor)).toBe(true);
  expect(look.bayesFactor).toBeLessThan(1);
  expect(look.pValue).toBe(1);
  expect(look.stop).toBe(false);
});

test('the one-sided factor stops on evidence the two-sided rule needed about twice as much of', () => {
  // Baseline 180 errors in 18k requests (1%), candidate 53 in 3k (1.77%, +77%), tolerance 10%:
  // theta0 = 3300 / 21300 = 0.155, share 53 / 233 = 0.227. Two-sided BF ~12 < 20; BF+ ~27 >= 20.
  const input = {
    tolerance: 0.1,
    alpha: 0.05,
    direction: 'increase' as const,
    baseline: { events: 180, trials: 18_000 },
    candidate: { events: 53, trials: 3000 },
  };
  const look = decideSequentialStop(input);
  expect(look.theta0).toBeCloseTo(3300 / 21_300, 12);
  expect(Math.exp(logShareBayesFactor(53, 180, look.theta0))).toBeLessThan(20);
  expect(look.bayesFactor).toBeGreaterThanOrEqual(20);
  expect(look.stop).toBe(true);
  // One error fewer: BF+ ~19.3, short of 20.
  expect(decideSequentialStop({ ...input, candidate: { events: 52, trials: 3000 } }).stop).toBe(false);
});

test('direction decrease mirrors it: throughput-like events falling 90% stop', () => {
  const look = decideSequentialStop({
    ...base,
    direction: 'decrease',
    baseline: { events: 3000, trials: 60_000 },
    candidate: { events: 100, trials: 20_000 },
  });
  expect(look.theta0).toBeCloseTo(15_000 / 75_000, 12);
  expect(look.stop).toBe(true);
});

test('strong evidence short of 1/alpha does not stop; the threshold is 1/alpha', () => {
  // A modest rise: the share is above theta0 but the BF stays below 1/0.001 = 1000.
  const look = decideSequentialStop({
    ...base,
    alpha: 0.001,
    direction: 'increase',
    baseline: { events: 300, trials: 60_000 },
    candidate: { events: 160, trials: 20_000 },
  });
  expect(look.threshold).toBe(1000);
  expect(look.badSide).toBe(true);
  expect(look.bayesFactor).toBeLessThan(1000);
  expect(look.stop).toBe(false);
});

test('no trials or no events: BF 1, no stop', () => {
  expect(
    decideSequentialStop({
      ...base,
      direction: 'increase',
      baseline: { events: 0, trials: 1000 },
      candidate: { events: 0, trials: 1000 },
    }).stop,
  ).toBe(false);
  expect(
    decideSequentialStop({
      ...base,
      direction: 'increase',
      baseline: { events: 10, trials: 1000 },
      candidate: { events: 0, trials: 0 },
    }).pValue,
  ).toBe(1);
});

test("sequentialAlpha is the looks' share of alpha, Bonferroni over the family fixed at the first look", () => {
  expect(sequentialAlpha(0.05, 4)).toBeCloseTo((LOOK_SHARE * 0.05) / 4, 15);
  expect(sequentialAlpha(0.05, 0)).toBeCloseTo(LOOK_SHARE * 0.05, 15);
});

test('a burst is deflated by the dispersion: one step of 400 errors among 10-error steps does not stop', () => {
  // Baseline: 60 steps of 10 errors in 2000 requests. Candidate: 10 steps, one of them a burst.
  // Without deflation the share (490 of 1090 events vs theta0 0.17) would be certain of a rise.
  const side = (counts: number[]): CountSide => ({
    labels: {},
    steps: counts.map((events, t) => ({ t, events, trials: 2000 })),
    dropped: 0,
    zeroFilled: 0,
  });
  const baseline = side(Array.from({ length: 60 }, (_, i) => 8 + (i % 5)));
  const candidate = side([10, 10, 10, 400, 10, 10, 10, 10, 10, 10]);
  const raw = decideSequentialStop({
    ...base,
    direction: 'increase',
    baseline: { events: 600, trials: 120_000 },
    candidate: { events: 490, trials: 20_000 },
  });
  expect(raw.stop).toBe(true);
  const look = lookAtSeries({ direction: 'increase', tolerance: 0.25 }, baseline, candidate, 0.05);
  expect(look.dispersion[1]).toBeGreaterThan(10);
  expect(look.stop).toBe(false);
});

test('formatBayesFactor writes huge factors from their log instead of Infinity', () => {
  expect(formatBayesFactor(Math.log(2437))).toBe('2440');
  expect(formatBayesFactor(Math.log(0.31))).toBe('0.31');
  // e^800 = 10^347.4...: 2.7e+347.
  expect(formatBayesFactor(800)).toBe(`${Number((10 ** (800 / Math.LN10 - 347)).toFixed(1))}e+347`);
  expect(formatBayesFactor(800)).not.toContain('Infinity');
});
