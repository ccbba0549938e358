/** The long-run variance on seeded data: independent points stay independent, wandering points are not taken for noise. */
import { ar1Factor, BORROWED_PERSISTENCE, longRunOf } from '../../../../src/judge/stats/long-run-variance.js';
import { ar1Steps, seededRandom } from '../helpers/random.js';

function ar1Series(seed: number, n: number, phi: number): Float64Array {
  return Float64Array.from(ar1Steps(seededRandom(seed), n, phi));
}

/** 200 seeded draws of n + m points of one AR(1) series split into two sides. */
function draws(phi: number, n: number, m: number): ReturnType<typeof longRunOf>[] {
  return Array.from({ length: 200 }, (_, i) => {
    const all = ar1Series(i + 1, n + m, phi);
    return longRunOf([all.subarray(0, n), all.subarray(n)]);
  });
}

describe('longRunOf', () => {
  test('independent 30 + 10 points: no inflation in at least 85% of 200 draws, mean variance factor of the 10 points below 1.15', () => {
    // A noisy persistence that only ever inflates cost independent data a fifth of its power.
    const runs = draws(0, 30, 10);
    expect(runs.filter((r) => r.persistence === 0).length).toBeGreaterThanOrEqual(170);
    expect(runs.reduce((t, r) => t + r.factorFor(10), 0) / runs.length).toBeLessThan(1.15);
    expect(runs.every((r) => r.basis === 'estimated')).toBe(true);
  });

  test('AR(1) 0.5 on 61 + 21 points: the persistence used is read at several lags, so it errs high, never collapsing to 0', () => {
    const runs = draws(0.5, 61, 21);
    const mean = runs.reduce((t, r) => t + r.persistence, 0) / runs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.7);
    expect(runs.filter((r) => r.persistence === 0).length).toBeLessThanOrEqual(10);
  });

  test('lag-1 0.99 over 120 + 40 points (30 + 10 minutes at 15 s): persistence at least 0.95 in 9 of 10 draws', () => {
    // A lag-1 fit alone read 0.78-0.91 here: the effective n several times too large.
    const runs = draws(0.99, 120, 40);
    expect(runs.filter((r) => r.persistence >= 0.95).length).toBeGreaterThanOrEqual(180);
  });

  test('slow wandering under fast noise (AR(1) 0.5 plus AR(1) 0.99 of equal variance): persistence above 0.9', () => {
    // Lag 1 shows ~0.75; the slow part shows in the higher lags, which a lag-1 fit ignores.
    const fast = ar1Series(7, 160, 0.5);
    const slow = ar1Series(8, 160, 0.99);
    const sum = fast.map((v, i) => (v + slow[i]!) / Math.SQRT2);
    expect(longRunOf([sum.subarray(0, 120), sum.subarray(120)]).persistence).toBeGreaterThan(0.9);
  });

  test('7 + 7 points are too short to estimate: a conservative persistence is borrowed, never none', () => {
    const all = ar1Series(3, 14, 0);
    const run = longRunOf([all.subarray(0, 7), all.subarray(7)]);
    expect([run.basis, run.persistence]).toEqual(['borrowed', BORROWED_PERSISTENCE]);
    expect(run.factorFor(7)).toBeGreaterThan(4);
    expect(run.degreesOfFreedom).toBeLessThan(5);
  });

  test('all values equal: nothing wanders, no inflation', () => {
    const run = longRunOf([new Float64Array(30).fill(1), new Float64Array(10).fill(1)]);
    expect([run.persistence, run.factorFor(30), run.degreesOfFreedom]).toEqual([0, 1, Infinity]);
  });

  test('ar1Factor is the finite-n variance ratio: 1 for phi 0, (1+phi)/(1-phi) for long windows', () => {
    expect(ar1Factor(0, 50)).toBe(1);
    expect(ar1Factor(0.5, 100000)).toBeCloseTo(3, 3);
    expect(ar1Factor(0.5, 2)).toBeCloseTo(1.5, 12);
  });
});
