/**
 * How each version of the demo service behaves: the one running before the deploy, a good new
 * version (the same behaviour), and a bad one with a latency and error regression. Delays come
 * from a seeded generator, so the demo tells the same story every time.
 */
import { mulberry32 } from '../seeded-random.js';

export type DemoVersion = 'v1.0' | 'v1.1-good' | 'v1.2-bad';

export interface Behaviour {
  /** Median delay of /api/checkout, ms; delays are lognormal around it. */
  medianMs: number;
  /** One request in `errorEvery` answers 500. */
  errorEvery: number;
}

export const BEHAVIOUR: Record<DemoVersion, Behaviour> = {
  'v1.0': { medianMs: 12, errorEvery: 100 },
  'v1.1-good': { medianMs: 12, errorEvery: 100 },
  'v1.2-bad': { medianMs: 40, errorEvery: 8 },
};

/** A small seeded generator (mulberry32), uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}

/** A lognormal delay (sigma 0.25) around `medianMs`, from two uniforms (Box-Muller). */
export function delayMs(medianMs: number, random: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return medianMs * Math.exp(0.25 * z);
}
