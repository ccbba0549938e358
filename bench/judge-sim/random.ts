/** A seeded PRNG (mulberry32) and the draws the simulation needs: the same numbers on every run. */
import { mulberry32 } from '../../src/seeded-random.js';

export interface Rng {
  uniform(): number;
  normal(): number;
  /** Binomial(n, p) by inversion for small means, else a rounded normal (n p > 40 here is smooth enough). */
  binomial(n: number, p: number): number;
  /** Gamma(shape, 1) by Marsaglia-Tsang (shape >= 1). */
  gamma(shape: number): number;
}

/** A generator seeded by an integer. */
export function seededRng(seed: number): Rng {
  const uniform = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const binomial = (n: number, p: number): number => {
    const mean = n * p;
    if (mean > 40) return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * normal())));
    // Inversion: walk the pmf from 0.
    const q = 1 - p;
    let pmf = Math.pow(q, n);
    let cdf = pmf;
    const u = uniform();
    let k = 0;
    while (u > cdf && k < n) {
      pmf *= ((n - k) / (k + 1)) * (p / q);
      cdf += pmf;
      k++;
    }
    return k;
  };
  const gamma = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return { uniform, normal, binomial, gamma };
}

/** n values of a stationary AR(1) with unit marginal variance (phi = 0: independent normals). */
export function ar1(rng: Rng, n: number, phi: number): number[] {
  const innovation = Math.sqrt(1 - phi * phi);
  const out: number[] = [];
  let x = rng.normal();
  for (let i = 0; i < n; i++) {
    out.push(x);
    x = phi * x + innovation * rng.normal();
  }
  return out;
}
