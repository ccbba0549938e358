/** A seeded PRNG for judge tests (mulberry32): the same data on every run, no Math.random. */
import { mulberry32 } from '../../../../src/seeded-random.js';

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Normal with the given mean and standard deviation (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** Log-normal: exp(normal(log(median), sigma)), the usual shape of latencies. */
  lognormal(median: number, sigma: number): number;
}

/** A PRNG seeded by an integer. */
export function seededRandom(seed: number): Random {
  const uniform = mulberry32(seed);
  const normal = (mean = 0, sd = 1): number => {
    const u = 1 - uniform(); // (0, 1]: log(0) never happens
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal, lognormal: (median, sigma) => Math.exp(normal(Math.log(median), sigma)) };
}

/** `count` values drawn by `draw`. */
export function draw(count: number, drawOne: () => number): number[] {
  return Array.from({ length: count }, drawOne);
}

/**
 * `count` steps of an AR(1) with lag-1 correlation phi and unit marginal variance, started at a
 * stationary draw: x_0 ~ N(0, 1), x_(i+1) = phi x_i + sqrt(1 - phi^2) e_i.
 */
export function ar1Steps(random: Random, count: number, phi: number): number[] {
  let x = random.normal();
  return draw(count, () => {
    const value = x;
    x = phi * x + Math.sqrt(1 - phi * phi) * random.normal();
    return value;
  });
}
