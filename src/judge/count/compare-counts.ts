/**
 * The count comparison: the exact conditional binomial test. Given the x_b + x_c events of both
 * sides, under "same rate" the candidate's share of them is Bin(x_b + x_c, p0) with
 * p0 = n_c / (n_b + n_c), its share of the trials. The p-value is an exact binomial tail (no
 * normal approximation, which fails on the handful of errors a healthy service makes), one-sided
 * in the check's direction ('either' doubles the smaller tail). The size of the change is the
 * rate ratio (x_c / n_c) / (x_b / n_b) - 1 with an exact interval from the Clopper-Pearson
 * interval of the share. Counts are first divided by their long-run dispersion (quasi-binomial;
 * dispersion.ts, long-run-dispersion.ts).
 *
 * The tolerance is part of the null: the null share is that of a candidate rate (1 + tolerance)
 * times the baseline's (increase; 1 - tolerance for decrease), so p < alpha exactly when the
 * one-sided (1 - alpha) Clopper-Pearson bound of the rate ratio lies beyond the tolerance (the
 * test and the interval are dual). The interval printed is the two-sided (1 - 2 alpha) one for a
 * one-sided check, whose bad-side end is that bound, and the (1 - alpha) one for `either`: a fail
 * never prints an interval that reaches the tolerance.
 */
import type { CheckSpec } from '../../spec-model.js';
import type { Direction } from '../../types.js';
import { binomialLowerTail, binomialUpperTail, clopperPearson } from '../stats/binomial.js';
import { alphaOf, decidedOutcome, describeOutcome, isBadSign, isBeyond, type ComparisonOutcome } from '../decide.js';
import { formatChange, formatValue } from '../wording.js';

/** Events and trials of one side, already summed (and deflated when dispersed). */
export interface CountTotals {
  events: number;
  trials: number;
}

/** The outcome of the count comparison of one series, and the confidence of its printed interval. */
export type CountComparison = ComparisonOutcome & { intervalConfidence: number };

/** The share of the events the candidate has at rate multiple `factor` of the baseline's. */
export function shareAtRatio(factor: number, baselineTrials: number, candidateTrials: number): number {
  const weighted = factor * candidateTrials;
  return weighted / (weighted + baselineTrials);
}

/** The confidence of the interval printed with a test at `confidence` (contract: the test's own bound). */
export function intervalConfidenceOf(confidence: number, direction: Direction): number {
  return direction === 'either' ? confidence : Number((2 * confidence - 1).toPrecision(12));
}

/** P-value of the candidate's x_c of n events against "no change beyond the tolerance". */
export function toleranceP(
  xc: number,
  n: number,
  baseline: CountTotals,
  candidate: CountTotals,
  check: Pick<CheckSpec, 'direction' | 'tolerance'>,
): number {
  const up = shareAtRatio(1 + check.tolerance, baseline.trials, candidate.trials);
  const down = shareAtRatio(Math.max(0, 1 - check.tolerance), baseline.trials, candidate.trials);
  if (check.direction === 'increase') return conditionalBinomialP(xc, n, up, 'increase');
  if (check.direction === 'decrease') return conditionalBinomialP(xc, n, down, 'decrease');
  return Math.min(1, 2 * Math.min(binomialUpperTail(xc, n, up), binomialLowerTail(xc, n, down)));
}

/** P-value of the candidate's share x_c of n events at null share p0, in the check's direction. */
export function conditionalBinomialP(xc: number, n: number, p0: number, direction: Direction): number {
  const upper = binomialUpperTail(xc, n, p0);
  const lower = binomialLowerTail(xc, n, p0);
  if (direction === 'increase') return upper;
  if (direction === 'decrease') return lower;
  return Math.min(1, 2 * Math.min(upper, lower));
}

/** The smallest p any split of n events could give (all in the candidate, or none). */
function smallestP(
  n: number,
  baseline: CountTotals,
  candidate: CountTotals,
  check: Pick<CheckSpec, 'direction' | 'tolerance'>,
): number {
  const all = toleranceP(n, n, baseline, candidate, { ...check, direction: 'increase' });
  const none = toleranceP(0, n, baseline, candidate, { ...check, direction: 'decrease' });
  if (check.direction === 'increase') return all;
  if (check.direction === 'decrease') return none;
  return Math.min(1, 2 * Math.min(all, none));
}

/** No events on either side: nothing rose, so the comparison passes undecided by any split (p = 1). */
export function noEventsOutcome<S extends object>(
  stats: S,
  size: string,
  alpha: number,
): S & Pick<ComparisonOutcome, 'decidable' | 'regressed' | 'rule' | 'reason'> {
  return {
    ...stats,
    decidable: true,
    regressed: false,
    rule: 'not-significant',
    reason: `${size}, no events on either side, not significant (p = 1, needs < ${formatValue(alpha)})`,
  };
}

/** The rate ratio minus 1 for a candidate share pi of the events, given the trials of each side. */
function ratioFromShare(pi: number, baseline: CountTotals, candidate: CountTotals): number {
  if (pi >= 1) return Infinity;
  return (pi / (1 - pi)) * (baseline.trials / candidate.trials) - 1;
}

/** Compare the candidate's event rate with the baseline's (totals > 0 trials on both sides). */
export function compareCounts(
  baseline: CountTotals,
  candidate: CountTotals,
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence'>,
): CountComparison {
  const alpha = alphaOf(check.confidence);
  const n = baseline.events + candidate.events;
  const pValue = n > 0 ? toleranceP(candidate.events, n, baseline, candidate, check) : 1;
  const relative =
    baseline.events > 0 ? candidate.events / candidate.trials / (baseline.events / baseline.trials) - 1 : null;
  const intervalConfidence = intervalConfidenceOf(check.confidence, check.direction);
  const [low, high] = n > 0 ? clopperPearson(candidate.events, n, intervalConfidence) : [0, 1];
  const interval: [number, number] | null =
    relative === null ? null : [ratioFromShare(low, baseline, candidate), ratioFromShare(high, baseline, candidate)];
  const rate = (t: CountTotals): string => formatValue(t.events / t.trials);
  const size =
    relative === null
      ? `rate ${rate(baseline)} -> ${rate(candidate)}`
      : `rate ${rate(baseline)} -> ${rate(candidate)}, ${formatChange(relative)} [${formatChange(interval![0])}, ${Number.isFinite(interval![1]) ? formatChange(interval![1]) : '+inf'}]`;
  const stats = { pValue, relativeChange: relative, relativeChangeInterval: interval, intervalConfidence };

  if (n === 0) {
    // No events on either side over enough traffic (classify-counts guards the little-traffic case).
    return noEventsOutcome(stats, size, alpha);
  }
  const floor = smallestP(n, baseline, candidate, check);
  if (floor >= alpha) {
    const reason = `${size}; too few events to test: with ${formatValue(n)} events in all the smallest possible p is ${formatValue(floor)} (needs < ${formatValue(alpha)})`;
    return { ...stats, decidable: false, regressed: false, rule: 'too-few-effective-samples', reason };
  }
  const significant = pValue < alpha;
  const shift = relative ?? (candidate.events > 0 ? 1 : 0);
  const badSign = isBadSign(shift, check.direction);
  const beyond = badSign && (relative === null || isBeyond(relative, check.tolerance, check.direction));
  const outcome = describeOutcome({ significant, beyond, badSign, pValue, alpha, tolerance: check.tolerance });
  return decidedOutcome(stats, size, outcome);
}
