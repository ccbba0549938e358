/**
 * Which checks the sequential tests watch, and at which level: the same rules for the live looks
 * (early-stop.ts) and for the replay that dates a past verdict (decided-after.ts), so "decided
 * after 2m15s" is the time a live run would have stopped.
 *
 * Watched: critical before/after checks with a one-sided direction, counts and values alike. Not
 * watched: canary checks (both sides still grow, which these one-sample-against-a-fixed-baseline
 * tests do not cover), `direction: either`, and non-critical checks (they cannot stop a run).
 */
import type { CheckSpec } from '../spec-model.js';
import type { PlannedCheck, RunPlan } from './plan.js';
import { whyNotWatched } from './watch-rule.js';

export type WatchedDirection = 'increase' | 'decrease';

/** Whether a planned check gets the sequential test. */
export function isWatched(planned: PlannedCheck): boolean {
  return planned.mode === 'before-after' && whyNotWatched(planned.check) === null;
}

/** The indices of the plan's watched checks. */
export function watchedChecks(plan: RunPlan): number[] {
  return plan.checks.flatMap((c, i) => (isWatched(c) ? [i] : []));
}

/** The planned number of post-window points of a value check, which its test is tuned for. */
export function postHorizon(planned: PlannedCheck): number {
  const { start, end, step } = planned.windows.post;
  return Math.max(1, Math.floor((end - start) / step) + 1);
}

/**
 * The consecutive post points one restart blip can fill: every point whose range (the query's
 * largest rate()/..._over_time range, `lookback`) holds the blip's instant, range / step of them,
 * plus one for a blip that lasts up to a step. A value look stops only when the points outside the
 * strongest such run carry the evidence alone (src/judge/sequential/value-look.ts).
 */
export function blipSpan(planned: PlannedCheck): number {
  return Math.ceil(planned.lookback / planned.check.step - 1e-9) + 1;
}

/**
 * The same for a count check: the steps whose range holds one instant, ceil(range / step), 1 for
 * the usual `increase(x[30s])` at step 30s (a step counts the events of (t - step, t], so a burst
 * lands in one step). No step is added for a longer burst: it spreads over steps, which then vary
 * more than binomial noise and are deflated by their dispersion (look-series.ts).
 */
export function countBlipSpan(planned: PlannedCheck): number {
  return Math.max(1, Math.ceil(planned.lookback / planned.check.step - 1e-9));
}

/** The one-sided settings of a watched check. */
export function watchedSettings(check: CheckSpec): { direction: WatchedDirection; tolerance: number } {
  if (check.direction === 'either') throw new Error(`bug: check "${check.name}" with direction either is not watched`);
  return { direction: check.direction, tolerance: check.tolerance };
}
