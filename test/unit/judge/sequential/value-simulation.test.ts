/**
 * The value test by simulation, with the structure a run has: a complete 30-point baseline (the
 * hardest case measured: estimates of sd and autocorrelation are noisiest), then 200 looks, one
 * after each candidate point, with tolerance 0 and no change at all (the null's edge: any upward
 * error in the threshold is a false stop). Log-normal latencies, log sd 0.3, seeded (mulberry32).
 */
import { firstValueStop } from '../../../../src/judge/sequential/first-value-stop.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const BASELINE = 30;
const LOOKS = 200;
const ALPHA = 0.05;

interface Noise {
  phi: number;
  heavy: number;
}

function series(
  seed: number,
  noise: Noise,
  shift: number,
  baseline = BASELINE,
  looks = LOOKS,
): { baseline: Float64Array; candidate: { t: number; v: number }[] } {
  const random = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let z = normal();
  const values = Array.from({ length: baseline + looks }, (_, i) => {
    const v = 0.2 * Math.exp(0.3 * z) * (i >= baseline ? 1 + shift : 1);
    z = noise.phi * z + Math.sqrt(1 - noise.phi ** 2) * normal();
    return random() < noise.heavy ? v * 10 : v;
  });
  return {
    baseline: Float64Array.from(values.slice(0, baseline)),
    candidate: values.slice(baseline).map((v, i) => ({ t: i, v })),
  };
}

describe('no change, tolerance 0, 200 looks: false stops at most alpha (plus two simulation standard errors)', () => {
  test.each([
    ['independent', { phi: 0, heavy: 0 }],
    ['AR(1) phi 0.5', { phi: 0.5, heavy: 0 }],
    ['AR(1) phi 0.8', { phi: 0.8, heavy: 0 }],
    ['heavy tail: 5% of values x10', { phi: 0, heavy: 0.05 }],
  ])('%s', (_name, noise) => {
    const reps = 400;
    let stops = 0;
    for (let rep = 0; rep < reps; rep++) {
      const { baseline, candidate } = series(9000 + rep, noise, 0);
      if (firstValueStop({ direction: 'increase', tolerance: 0 }, baseline, candidate, ALPHA, 40) !== null) stops++;
    }
    // Ville's bound is alpha; sqrt(0.05 x 0.95 / 400) = 1.1%.
    expect(stops / reps).toBeLessThanOrEqual(ALPHA + 2 * Math.sqrt((ALPHA * (1 - ALPHA)) / reps));
  });
});

test('+100% latency against a 120-point baseline (tolerance 10%) stops within the 40-point window in nearly every rep', () => {
  const reps = 200;
  let stopped = 0;
  for (let rep = 0; rep < reps; rep++) {
    const { baseline, candidate } = series(20_000 + rep, { phi: 0, heavy: 0 }, 1, 120, 40);
    if (firstValueStop({ direction: 'increase', tolerance: 0.1 }, baseline, candidate, ALPHA, 40) !== null) stopped++;
  }
  // Excess ln 2 - ln 1.1 - margin ~ 0.55 a point at sd 0.3: the boundary (~ 3 sd sqrt(t)) is passed by t ~ 5.
  expect(stopped / reps).toBeGreaterThanOrEqual(0.99);
});
