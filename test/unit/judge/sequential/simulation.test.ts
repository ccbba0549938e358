/**
 * The stop rule by simulation, with the structure a run has: a complete baseline (60 steps of
 * 2000 requests), then 200 looks, each after one more candidate step of 2000 requests. Errors are
 * Poisson at 10 a step (0.5%). Seeded (mulberry32), so the numbers are the same on every run.
 */
import { lookAtSeries } from '../../../../src/judge/sequential/look-series.js';
import type { CountSide, CountStep } from '../../../../src/judge/count/count-series.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const TRIALS = 2000;
const BASE_STEPS = 60;
const LOOKS = 200;

function poisson(mean: number, random: () => number): number {
  // Knuth's product of uniforms: exact, and fast enough for means up to ~100.
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

const side = (steps: CountStep[]): CountSide => ({ labels: {}, steps, dropped: 0, zeroFilled: 0 });

/** The look at which the rep stopped, or null when it never did. */
function simulate(
  seed: number,
  baselineMean: number,
  candidateMean: number,
  tolerance: number,
  alpha: number,
): number | null {
  const random = mulberry32(seed);
  const baseline = side(
    Array.from({ length: BASE_STEPS }, (_, t) => ({ t, events: poisson(baselineMean, random), trials: TRIALS })),
  );
  const steps: CountStep[] = [];
  for (let look = 1; look <= LOOKS; look++) {
    steps.push({ t: BASE_STEPS + look, events: poisson(candidateMean, random), trials: TRIALS });
    if (lookAtSeries({ direction: 'increase', tolerance }, baseline, side(steps), alpha).stop) return look;
  }
  return null;
}

test('no change (share = theta0 exactly, tolerance 0): 500 reps x 200 looks stop early at most alpha of the time', () => {
  const alpha = 0.05;
  const reps = 500;
  let stops = 0;
  for (let rep = 0; rep < reps; rep++) if (simulate(1000 + rep, 10, 10, 0, alpha) !== null) stops++;
  // Ville's bound is alpha; allow two simulation standard errors (sqrt(0.05 * 0.95 / 500) = 1%).
  expect(stops / reps).toBeLessThanOrEqual(alpha + 2 * Math.sqrt((alpha * (1 - alpha)) / reps));
});

test('at the tolerance edge (errors 25% up, tolerance 25%): 300 reps x 200 looks stop at most alpha of the time', () => {
  // The one-sided null's boundary, where the one-sided mixture is most likely to stop wrongly: the
  // candidate's true share is theta0 itself (up to the baseline's own noise).
  const alpha = 0.05;
  const reps = 300;
  let stops = 0;
  for (let rep = 0; rep < reps; rep++) if (simulate(3000 + rep, 10, 12.5, 0.25, alpha) !== null) stops++;
  expect(stops / reps).toBeLessThanOrEqual(alpha + 2 * Math.sqrt((alpha * (1 - alpha)) / reps));
});

test('a 10x error rate (0.5% -> 5%, tolerance 25%) stops early in nearly every rep, within a few looks', () => {
  const reps = 200;
  const stoppedAt = Array.from({ length: reps }, (_, rep) => simulate(5000 + rep, 10, 100, 0.25, 0.05));
  const stopped = stoppedAt.filter((look): look is number => look !== null);
  expect(stopped.length / reps).toBeGreaterThanOrEqual(0.99);
  expect(Math.max(...stopped)).toBeLessThanOrEqual(5);
});
