/**
 * One replication, judged both ways through the real code: the live looks after every step
 * (`lookAtSeries` for counts, `lookAtValues` for values, as `run` makes them while it waits) and
 * the fixed-window judge on the whole post window (`classifyCountSeries`, `classifySeries`).
 */
import { classifyCountSeries, DEFAULT_MIN_TRAFFIC } from '../../src/judge/count/classify-counts.js';
import { classifySeries } from '../../src/judge/classify-series.js';
import type { CountSide } from '../../src/judge/count/count-series.js';
import { lookAtSeries } from '../../src/judge/sequential/look-series.js';
import { lookAtValues } from '../../src/judge/sequential/value-look.js';
import type { Verdict } from '../../src/types.js';
import { STEP, WINDOW_STEPS } from './traffic.js';

export const ALPHA = 0.05;
export const TOLERANCE = 0.1;
const CHECK = { direction: 'increase' as const, tolerance: TOLERANCE, confidence: 1 - ALPHA };

const trialsOf = (side: CountSide): number => side.steps.reduce((n, s) => n + s.trials, 0);

/** Seconds after the window's start at which the live looks stop (one look per step), or null. */
export function countStopSeconds(baseline: CountSide, candidate: CountSide, looks: number): number | null {
  for (let t = 1; t <= Math.min(looks, candidate.steps.length); t++) {
    const prefix: CountSide = { ...candidate, steps: candidate.steps.slice(0, t) };
    // The live watch tests a series only once both sides have minTraffic requests.
    if (trialsOf(baseline) < DEFAULT_MIN_TRAFFIC || trialsOf(prefix) < DEFAULT_MIN_TRAFFIC) continue;
    if (lookAtSeries(CHECK, baseline, prefix, ALPHA).stop) return t * STEP;
  }
  return null;
}

/** The fixed-window verdict on the first WINDOW_STEPS candidate steps. */
export function countFixedVerdict(baseline: CountSide, candidate: CountSide): Verdict {
  const window: CountSide = { ...candidate, steps: candidate.steps.slice(0, WINDOW_STEPS) };
  return classifyCountSeries(CHECK, {}, baseline, window).verdict;
}

/** Seconds after the window's start at which the value looks stop, or null. */
export function valueStopSeconds(baseline: Float64Array, candidate: Float64Array, looks: number): number | null {
  for (let t = 1; t <= Math.min(looks, candidate.length); t++) {
    if (lookAtValues(CHECK, baseline, candidate.subarray(0, t), ALPHA, WINDOW_STEPS).stop) return t * STEP;
  }
  return null;
}

/** The fixed-window verdict of the point judge (before/after mode) on the window. */
export function valueFixedVerdict(
  baseline: { t: number; v: number }[],
  candidate: { t: number; v: number }[],
): Verdict {
  const check = { ...CHECK, aggregate: 'mean' as const, minSamples: 5 };
  return classifySeries(check, { labels: {}, baseline, candidate: candidate.slice(0, WINDOW_STEPS) }, 'before-after')
    .verdict;
}
