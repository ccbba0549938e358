/**
 * When a critical count check may stop waiting: the anytime-valid Bayes factor against the edge
 * of the tolerance (bayes-factor.ts) reaches 1/alpha' AND the candidate's share of the events is
 * on the bad side of theta0.
 *
 * Why the two-sided mixture with a direction condition is a valid one-sided test: the null is
 * composite ("share <= theta0" for increase). Split the mixture at theta0: BF = P+ BF+ + P- BF-.
 * While the observed share is >= theta0, every likelihood ratio L(theta)/L(theta0) with
 * theta < theta0 is <= 1, so BF- <= 1 and stopping implies BF+ >= (1/alpha - P-)/P+. BF+ (the
 * mixture over theta > theta0 only) is a nonnegative supermartingale under every theta' <=
 * theta0, so by Ville the chance of that is <= alpha P+ / (1 - alpha P-) <= alpha.
 *
 * The assumption, stated honestly: theta0 = (1+tol) n_c / ((1+tol) n_c + n_b) moves as the
 * candidate's trials n_c grow, while the baseline (x_b, n_b) is fixed. The candidate's share of
 * the trials is treated as known at each look (as when traffic shares are known only
 * empirically in the Netflix work), so each look's BF is exact for that look's conditional
 * binomial, but the sequence of looks is a martingale only approximately. The simulation in
 * test/unit/judge/sequential/ checks the false-stop rate under exactly this structure (a
 * complete baseline, a growing candidate, 200 looks).
 */
import type { CountTotals } from '../count/compare-counts.js';
import { logShareBayesFactor, nullShare } from './bayes-factor.js';

/** What one look at one series needs: totals (already deflated), the check's rule, and alpha'. */
export interface SequentialInput {
  baseline: CountTotals;
  candidate: CountTotals;
  tolerance: number;
  direction: 'increase' | 'decrease';
  /** The level of this series' test, already Bonferroni-divided over the sequential family. */
  alpha: number;
}

/** The outcome of one look. */
export interface SequentialLook {
  /** The candidate's share of the events at the edge of the tolerance. */
  theta0: number;
  /** The observed share x_c / (x_c + x_b); null with no events at all. */
  share: number | null;
  logBayesFactor: number;
  bayesFactor: number;
  /** 1 / alpha: the Bayes factor at which the test is certain. */
  threshold: number;
  /** An anytime-valid p-value: min(1, 1 / BF). */
  pValue: number;
  /** True when the share is on the bad side of theta0. */
  badSide: boolean;
  stop: boolean;
}

/** Bonferroni over the sequential family: each of `tests` series is tested at alpha / tests. */
export function sequentialAlpha(alpha: number, tests: number): number {
  return alpha / Math.max(1, tests);
}

/** Decide one look: stop when BF >= 1/alpha and the share is on the bad side of theta0. */
export function decideSequentialStop(input: SequentialInput): SequentialLook {
  const { baseline, candidate } = input;
  const threshold = 1 / input.alpha;
  const events = baseline.events + candidate.events;
  if (!(baseline.trials > 0 && candidate.trials > 0) || events <= 0) {
    return { theta0: NaN, share: null, logBayesFactor: 0, bayesFactor: 1, threshold, pValue: 1, badSide: false, stop: false };
  }
  const theta0 = nullShare(candidate.trials, baseline.trials, input.tolerance, input.direction);
  const share = candidate.events / events;
  const logBayesFactor = theta0 > 0 && theta0 < 1 ? logShareBayesFactor(candidate.events, baseline.events, theta0) : 0;
  const bayesFactor = Math.exp(logBayesFactor);
  const badSide = input.direction === 'increase' ? share > theta0 : share < theta0;
  return {
    theta0,
    share,
    logBayesFactor,
    bayesFactor,
    threshold,
    pValue: Math.min(1, Math.exp(-logBayesFactor)),
    badSide,
    stop: badSide && logBayesFactor >= Math.log(threshold),
  };
}
