/**
 * One look at one count series: sum its steps, deflate both sides by their dispersion
 * (sequential-dispersion.ts: the fixed-n judge's estimate, except that a candidate of a few steps
 * keeps the pooled one unless its own is significantly larger), so a burst of errors, which makes
 * steps vary more than binomial noise, does not read as certainty; then apply the stop rule, on
 * all steps and (with a `span`) again without the strongest run a restart blip can fill.
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
  /** True when all steps stop but the steps outside the strongest run of `span` do not (yet). */
  heldBack?: boolean;
}

/**
 * Steps outside the blip's span a count stop needs at least: one, so a stop needs two steps (a
 * minute at 30 s steps); fewer than for values, as a count step holds many requests and later
 * bursts are deflated by the dispersion anyway.
 */
const MIN_STEPS_BEYOND_SPAN = 1;

/**
 * Look at one series at level alpha (already divided over the sequential family). `span` (> 0):
 * the consecutive steps one restart blip can fill (early-stop-watched.ts blipSpan); a stop then
 * also needs the candidate without its strongest run of `span` steps (the most events above the
 * null's rate) to stop on its own, with at least MIN_STEPS_BEYOND_SPAN steps left, so a burst of
 * errors in one step cannot decide alone. An extra condition only removes stops: the anytime
 * guarantee is kept. 0 (the default): the look on all steps alone.
 */
export function lookAtSeries(
  check: SequentialCheck,
  baseline: CountSide,
  candidate: CountSide,
  alpha: number,
  span = 0,
): SeriesLook {
  const b = sumSteps(baseline);
  const c = sumSteps(candidate);
  const [db, dc] = sequentialDispersions(baseline.steps, candidate.steps);
  const look: SeriesLook = {
    ...decideDeflated(check, b, c, [db, dc], alpha),
    baseline: b,
    candidate: c,
    dispersion: [db, dc],
  };
  if (!look.stop || span <= 0) return look;
  const rest = withoutStrongestRun(check, b, candidate, Math.floor(span));
  const held = rest === null || !decideDeflated(check, b, rest, [db, dc], alpha).stop;
  return held ? { ...look, stop: false, heldBack: true } : look;
}

/** The candidate's totals without its `span` consecutive steps most beyond the null's rate, or null when too few steps are left. */
function withoutStrongestRun(
  check: SequentialCheck,
  b: CountTotals,
  candidate: CountSide,
  span: number,
): CountTotals | null {
  const steps = [...candidate.steps].sort((x, y) => x.t - y.t);
  if (steps.length - span < MIN_STEPS_BEYOND_SPAN || !(b.trials > 0)) return null;
  const sign = check.direction === 'increase' ? 1 : -1;
  const rate = (b.events / b.trials) * (1 + sign * check.tolerance);
  const excess = steps.map((s) => sign * (s.events - s.trials * rate));
  let window = 0;
  let best = -Infinity;
  let at = 0;
  for (let i = 0; i < steps.length; i++) {
    window += excess[i]!;
    if (i >= span) window -= excess[i - span]!;
    if (i >= span - 1 && window > best) {
      best = window;
      at = i - span + 1;
    }
  }
  const kept = steps.filter((_, i) => i < at || i >= at + span);
  return { events: kept.reduce((n, s) => n + s.events, 0), trials: kept.reduce((n, s) => n + s.trials, 0) };
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
