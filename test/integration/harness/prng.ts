/** Seeded random numbers for the fixture data: the same seed always gives the same day of metrics. */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32, as in src/seeded-random.ts. Copied, not imported: jest's globalSetup transpiles the
 * harness on its own (see global-setup.ts), so harness modules may import only node: modules.
 */
export function createUniform(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed derived from a string (FNV-1a), so each series gets its own stream. */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A standard normal draw (Box-Muller; 1 - u keeps log() away from 0). */
export function sampleNormal(uniform: Uniform): number {
  const u = 1 - uniform();
  const v = uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A stream of standard normal draws that uses both values of each Box-Muller pair (twice as fast). */
export function createNormalStream(uniform: Uniform): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** A Poisson draw: exact (Knuth) for small means, normal approximation above 50 where it is accurate. */
export function samplePoisson(uniform: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * sampleNormal(uniform)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = uniform();
  while (product > limit) {
    count++;
    product *= uniform();
  }
  return count;
}
