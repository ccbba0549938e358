/**
 * One look at one count series: sum its steps, deflate both sides by their dispersion
 * (sequential-dispersion.ts: the fixed-n judge's estimate, except that a candidate of a few steps
 * keeps the pooled one unless its own is significantly larger), so a burst of errors, which makes
 * steps vary more than binomial noise, does not read as certainty; then apply the stop rule.
 */
import { sumSteps, type CountSide } from '../count/count-series.js';
import { sequentialDispersions } from './sequential-dispersion.js';
import type { CountTotals } from '../count/compare-counts.js';
import { decideSequentialStop, type SequentialLook } from './stop-rule.js';

/** The check settings a look reads. */
export interface SequentialCheck {
  direction: 'increase' | 'decrease';
  tolerance: number;
}

/** A look with the raw totals of each side (for the report) and the dispersions used. */
export interface SeriesLook extends SequentialLook {
  baseline: CountTotals;
  candidate: CountTotals;
  dispersion: [number, number];
}

/** Look at one series at level alpha (already divided over the sequential family). */
export function lookAtSeries(
  check: SequentialCheck,
  baseline: CountSide,
  candidate: CountSide,
  alpha: number,
): SeriesLook {
  const b = sumSteps(baseline);
  const c = sumSteps(candidate);
  const [db, dc] = sequentialDispersions(baseline.steps, candidate.steps);
  return { ...decideDeflated(check, b, c, [db, dc], alpha), baseline: b, candidate: c, dispersion: [db, dc] };
}

/** The stop rule on both sides' totals, each divided by its dispersion. */
export function decideDeflated(
  check: SequentialCheck,
  b: CountTotals,
  c: CountTotals,
  [db, dc]: [number, number],
  alpha: number,
): SequentialLook {
  return decideSequentialStop({
    baseline: { events: b.events / db, trials: b.trials / db },
    candidate: { events: c.events / dc, trials: c.trials / dc },
    tolerance: check.tolerance,
    direction: check.direction,
    alpha,
  });
}
