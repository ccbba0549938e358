/**
 * When the live looks would have stopped a value check, for a post window already complete: the
 * looks of value-look.ts replayed after every candidate point, with the running evidence (O(n)),
 * so the answer is the first candidate step at which `lookAtValues` on the points up to it stops.
 */
import type { ValueCheck } from './value-test.js';
import { DEFAULT_HORIZON, prepareValueTest } from './value-test.js';
import { lookFromEvidence, RunningEvidence, type ValueLook } from './value-look.js';
import { inTimeOrder } from '../clean.js';

/** The first stop: unix seconds of the candidate point after which the look stopped, and that look. */
export interface ValueStop {
  at: number;
  look: ValueLook;
}

/** Replay the looks over the candidate points (sorted here by time); null when none stops. `span`: as lookAtValues. */
export function firstValueStop(
  check: ValueCheck,
  baseline: Float64Array,
  candidate: readonly { t: number; v: number }[],
  alpha: number,
  horizon = DEFAULT_HORIZON,
  span = 1,
): ValueStop | null {
  const test = prepareValueTest(check, baseline, alpha, horizon);
  if (!test.ready) return null;
  const evidence = new RunningEvidence(test, Math.max(1, Math.floor(span)));
  for (const point of inTimeOrder(candidate)) {
    const before = evidence.count;
    evidence.add(point.v);
    if (evidence.count > before && evidence.stops())
      return { at: point.t, look: lookFromEvidence(test, check, evidence) };
  }
  return null;
}
