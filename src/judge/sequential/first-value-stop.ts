/**
 * When the live looks would have stopped a value check, for a post window already complete: the
 * looks of value-look.ts replayed after every candidate point, with a running sum (O(n)), so the
 * answer is the first candidate step at which `lookAtValues` on the points up to it stops.
 */
import type { ValueCheck } from './value-test.js';
import { DEFAULT_HORIZON, prepareValueTest } from './value-test.js';
import { logNormalMixture } from './normal-mixture.js';
import { lookFromSum, scaledValue, type ValueLook } from './value-look.js';
import { inTimeOrder } from '../clean.js';

/** The first stop: unix seconds of the candidate point after which the look stopped, and that look. */
export interface ValueStop {
  at: number;
  look: ValueLook;
}

/** Replay the looks over the candidate points (sorted here by time); null when none stops. */
export function firstValueStop(
  check: ValueCheck,
  baseline: Float64Array,
  candidate: readonly { t: number; v: number }[],
  alpha: number,
  horizon = DEFAULT_HORIZON,
): ValueStop | null {
  const test = prepareValueTest(check, baseline, alpha, horizon);
  if (!test.ready) return null;
  const points = inTimeOrder(candidate);
  let sum = 0;
  let count = 0;
  let skipped = 0;
  for (const point of points) {
    const y = scaledValue(test, point.v);
    if (y === null) {
      skipped++;
      continue;
    }
    sum += y;
    count++;
    const statistic = sum - count * test.threshold;
    if (statistic > 0 && logNormalMixture(statistic, count * test.stepVariance, test.rho) >= test.logThreshold) {
      return { at: point.t, look: lookFromSum(test, check, sum, count, skipped) };
    }
  }
  return null;
}
