/**
 * What a count check's samples rule out (a non-inferiority decision). A pass needs more than "no
 * significant rise": the candidate's event share, at its one-sided upper confidence bound, must be
 * within what is allowed: the check's `max` when it sets one, else the baseline's share plus the
 * larger of the relative tolerance and an absolute margin. A relative tolerance alone means
 * nothing when the baseline share is about 0 (10% of 0 is 0), so the margin is the smallest
 * absolute rise the check must be able to rule out; samples too few to rule it out leave the
 * check inconclusive, never passed.
 *
 * Used for the success checks of sampled sources (HTTP probes: failed probes out of probes),
 * where the gate chooses the number of samples and can size it for the margin.
 */
import type { CheckSpec } from '../../spec-model.js';
import { binomialUpperTail, clopperPearson } from '../stats/binomial.js';
import { formatValue } from '../wording.js';
import { compareCounts, type CountTotals } from './compare-counts.js';

/**
 * The absolute rise of a success check's failure share that its samples must rule out before it
 * passes: 5 percentage points (availability dropping from 99% to 94% is a regression to catch; a
 * rise of 1 point needs thousands of probes per side to tell from noise).
 */
export const SUCCESS_MARGIN = 0.05;

/** The failure share the dry run plans against: a healthy service that fails 1% of its requests. */
export const REFERENCE_SHARE = 0.01;

/** The settings the rule reads; `margin` is set for the checks it applies to. */
export type RuleOutCheck = Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence' | 'max'> & { margin?: number };

/** The one-sided upper confidence bound of a share of `events` in `trials`. */
export function upperBound(events: number, trials: number, confidence: number): number {
  return clopperPearson(events, trials, 2 * confidence - 1)[1];
}

/** The largest candidate share a pass allows against a baseline share `base`. */
export function allowedShare(base: number, check: RuleOutCheck): number {
  if (check.max !== undefined) return check.max;
  return Math.max(base * (1 + check.tolerance), base + (check.margin ?? 0));
}

function percent(share: number): string {
  return `${formatValue(Number((share * 100).toPrecision(3)))}%`;
}

/** How the allowed share was found, for the reason. */
function describeAllowed(base: number, check: RuleOutCheck): string {
  if (check.max !== undefined) return `max ${percent(check.max)}`;
  const relative = base * (1 + check.tolerance);
  const absolute = base + (check.margin ?? 0);
  return relative > absolute
    ? `baseline ${percent(base)} + tolerance ${percent(check.tolerance)}`
    : `baseline ${percent(base)} + margin ${formatValue(Number(((check.margin ?? 0) * 100).toPrecision(3)))} points`;
}

/** The outcome of the rule on one pair of totals (after the test found no regression). */
export interface RuleOut {
  ruledOut: boolean;
  upper: number;
  allowed: number;
  reason: string;
}

/** Does the candidate's upper bound stay within the allowed share? */
export function ruleOut(baseline: CountTotals, candidate: CountTotals, check: RuleOutCheck): RuleOut {
  const base = baseline.events / baseline.trials;
  const upper = upperBound(candidate.events, candidate.trials, check.confidence);
  const allowed = allowedShare(base, check);
  const share = `candidate share ${percent(candidate.events / candidate.trials)}, at most ${percent(upper)} (${formatValue(check.confidence * 100)}% upper bound)`;
  if (upper <= allowed)
    return { ruledOut: true, upper, allowed, reason: `${share}, within the allowed ${describeAllowed(base, check)}` };
  const needed = samplesToRuleOut(candidate.events / candidate.trials, allowed, check.confidence);
  return {
    ruledOut: false,
    upper,
    allowed,
    reason:
      `${share}: cannot rule out a rise beyond the allowed ${describeAllowed(base, check)}` +
      (needed === null ? '' : `; about ${formatValue(needed)} samples per side would rule it out at this share`),
  };
}

/** How sure the sizing is that a side at the planned share passes: 90% of the time. */
const PASS_ASSURANCE = 0.9;

/** The smallest k with P(X <= k) >= `probability` for X ~ Bin(n, p). */
function binomialQuantile(n: number, p: number, probability: number): number {
  for (let k = 0; k < n; k++) if (1 - binomialUpperTail(k + 1, n, p) >= probability) return k;
  return n;
}

/**
 * The fewest trials at which a side whose true share is `share` passes 9 times in 10: its upper
 * bound at the 90th percentile of its events stays within `allowed` (null: none up to 100,000).
 */
export function samplesToRuleOut(share: number, allowed: number, confidence: number): number | null {
  if (share >= allowed) return null;
  const fits = (n: number): boolean => upperBound(binomialQuantile(n, share, PASS_ASSURANCE), n, confidence) <= allowed;
  let high = 8;
  while (!fits(high)) {
    high *= 2;
    if (high > 100_000) return null;
  }
  let low = Math.floor(high / 2);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** What `samples` per side can decide, against a baseline at REFERENCE_SHARE. */
export interface RuleOutPlan {
  samples: number;
  /** Baseline failures at the reference share. */
  baselineEvents: number;
  /** The most candidate failures that still pass (-1: none, not even 0). */
  passUpTo: number;
  /** The fewest candidate failures that fail (null: none up to all samples). */
  failFrom: number | null;
  /** Samples per side at which a candidate as healthy as the baseline passes. */
  samplesNeeded: number | null;
}

/** Plan a success check with `samples` per side (for validate and --dry-run). */
export function planCountRuleOut(samples: number, check: RuleOutCheck): RuleOutPlan {
  const baselineEvents = Math.round(REFERENCE_SHARE * samples);
  const baseline = { events: baselineEvents, trials: samples };
  const base = baselineEvents / samples;
  const allowed = allowedShare(base, check);
  let passUpTo = -1;
  for (let x = 0; x <= samples && upperBound(x, samples, check.confidence) <= allowed; x++) passUpTo = x;
  let failFrom: number | null = null;
  for (let x = baselineEvents; x <= samples; x++) {
    if (compareCounts(baseline, { events: x, trials: samples }, check).regressed || (check.max ?? 1) < x / samples) {
      failFrom = x;
      break;
    }
  }
  return {
    samples,
    baselineEvents,
    passUpTo,
    failFrom,
    samplesNeeded: samplesToRuleOut(REFERENCE_SHARE, allowedShare(REFERENCE_SHARE, check), check.confidence),
  };
}

/** One line for validate and --dry-run. */
export function describeRuleOutPlan(plan: RuleOutPlan, check: RuleOutCheck): string {
  const n = plan.samples;
  const passes =
    plan.passUpTo < 0
      ? `cannot pass with ${n} samples per side (even 0 failures leave a share up to ${percent(upperBound(0, n, check.confidence))})`
      : `passes with up to ${plan.passUpTo} of ${n} candidate failures`;
  const fails =
    plan.failFrom === null
      ? 'no number of failures can fail it'
      : `fails from ${plan.failFrom} of ${n} (${percent(plan.failFrom / n)})`;
  const needed =
    plan.samplesNeeded === null
      ? ''
      : plan.samplesNeeded > n
        ? `; needs about ${plan.samplesNeeded} samples per side to pass a healthy candidate 9 times in 10`
        : `; ${plan.samplesNeeded} samples per side would be enough to pass a healthy candidate 9 times in 10`;
  return `against a baseline failing ${percent(REFERENCE_SHARE)} (${plan.baselineEvents} of ${n}) it ${passes}, ${fails}${needed}`;
}
