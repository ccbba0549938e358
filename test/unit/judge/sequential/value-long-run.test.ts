/**
 * The sequential value test reads the baseline's dependence with the same long-run variance
 * estimator as the fixed-window tests (stats/long-run-variance.ts `longRunOf`): persistence read
 * at lags 1-16, bias-corrected, gated, and borrowed (0.9) when the baseline is too short.
 * Data: seeded log-normal latencies (median 200 ms, log sd 0.3), the log an AR(1) or a sum of
 * AR(1)s (fast noise plus slow wandering) running through baseline and candidate alike.
 */
import { firstValueStop } from '../../../../src/judge/sequential/first-value-stop.js';
import { prepareValueTest } from '../../../../src/judge/sequential/value-test.js';
import { BORROWED_PERSISTENCE, longRunOf } from '../../../../src/judge/stats/long-run-variance.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const check = { direction: 'increase' as const, tolerance: 0 };

/** n values whose log is 0.3 x a unit-variance sum of independent AR(1)s with these persistences. */
function latencies(seed: number, n: number, phis: number[]): Float64Array {
  const random = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const states = phis.map(() => normal());
  return Float64Array.from({ length: n }, () => {
    const z = states.reduce((t, x) => t + x, 0) / Math.sqrt(phis.length);
    phis.forEach((phi, j) => (states[j] = phi * states[j]! + Math.sqrt(1 - phi * phi) * normal()));
    return 0.2 * Math.exp(0.3 * z);
  });
}

test('slow wandering (AR 0.5 + AR 0.99): the persistence is the one read over lags 1-16, not lag 1 alone', () => {
  // Lag 1 sees mostly the fast part (the lag-1 estimate, even one standard error up, read 0.83 on
  // this draw); the slow part keeps the longer lags high (longRunOf reads 0.96), so the long run
  // is several times longer than lag 1 suggests. The step variance must be that long run's.
  const baseline = latencies(12, 120, [0.5, 0.99]);
  const logs = baseline.map(Math.log);
  const longRun = longRunOf([logs]);
  const test = prepareValueTest(check, baseline, 0.05, 40);
  if (!test.ready) throw new Error(test.reason);
  expect(test.basis).toBe('estimated');
  expect(test.phi).toBe(longRun.persistence);
  expect(test.phi).toBeGreaterThan(0.9);
  let mean = 0;
  for (const v of logs) mean += v / logs.length;
  let ss = 0;
  for (const v of logs) ss += (v - mean) ** 2;
  // At least the sample variance times the long-run factor (1 + phi) / (1 - phi) (it is taken at an upper bound).
  expect(test.stepVariance).toBeGreaterThanOrEqual(((ss / (logs.length - 1)) * (1 + test.phi)) / (1 - test.phi));
});

test('a 12-point baseline (11 neighbouring pairs) is too short to estimate: the persistence 0.9 is borrowed', () => {
  // Independent values: a lag-1 estimate on 12 points reads ~0 by chance as easily as dependence;
  // the window is too short to tell, so the conservative persistence is assumed, as the fixed tests do.
  const baseline = latencies(11, 12, [0]);
  const test = prepareValueTest(check, baseline, 0.05, 40);
  if (!test.ready) throw new Error(test.reason);
  expect(test.basis).toBe('borrowed');
  expect(test.phi).toBe(BORROWED_PERSISTENCE);
});

describe('no change, tolerance 0, 200 looks after a 120-point baseline: false stops at most alpha (plus two simulation standard errors)', () => {
  test.each([
    ['AR(1) phi 0.95', [0.95]],
    ['long memory: AR 0.5 + 0.9 + 0.99', [0.5, 0.9, 0.99]],
  ])('%s', (_name, phis) => {
    const reps = 300;
    const alpha = 0.05;
    let stops = 0;
    for (let rep = 0; rep < reps; rep++) {
      const values = latencies(31_000 + rep, 320, phis);
      const candidate = Array.from(values.subarray(120), (v, i) => ({ t: i, v }));
      if (firstValueStop(check, values.subarray(0, 120), candidate, alpha, 40) !== null) stops++;
    }
    // Ville's bound is alpha once the step variance bounds the long run; sqrt(0.05 x 0.95 / 300) = 1.3%.
    expect(stops / reps).toBeLessThanOrEqual(alpha + 2 * Math.sqrt((alpha * (1 - alpha)) / reps));
  });
});
