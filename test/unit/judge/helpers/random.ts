/** A seeded PRNG for judge tests (mulberry32): the same data on every run, no Math.random. */

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
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
