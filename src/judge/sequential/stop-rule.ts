/**
 * When a critical count check may stop waiting: the one-sided anytime-valid Bayes factor against
 * the edge of the tolerance (bayes-factor.ts) reaches 1/alpha'.
 *
 * Why it is valid for the composite one-sided null ("share <= theta0" for increase): BF+ mixes
 * the likelihood ratios L(theta)/L(theta0) over theta > theta0 only. Each such ratio has
 * expectation theta' theta/theta0 + (1 - theta')(1 - theta)/(1 - theta0) <= 1 per event under any
 * theta' <= theta0 (linear in theta', 1 at theta0), so BF+ is a nonnegative supermartingale under
 * the whole null and by Ville P(BF+ ever >= 1/alpha) <= alpha, however often it is looked at. No
 * condition on the side of the observed share is needed: BF+ <= 1 whenever the share is on the
 * good side (every ratio in the mixture is then <= 1); `badSide` is kept for the report.
 *
 * Before, the rule was the two-sided mixture (theta over the whole Beta) plus "the share is on the
 * bad side". That is valid too (BF = P+ BF+ + P- BF-, BF- <= 1 on the bad side), but on the bad
 * side it is ~P+ BF+ with P+ = 0.39 to 0.46 (theta0 0.05 to 0.2, k = 25): the one-sided factor
 * needs ln(1/P+) ~ 0.8 less of the ln(1/alpha) = 3.0 of log-evidence at alpha 5%, which brought
 * 2x errors at 10 requests a second from 180 s to 135 s (median; docs/benchmarks.md, Sequential).
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
import { DEFAULT_CONCENTRATION, logOneSidedShareBayesFactor, nullShare } from './bayes-factor.js';

/** What one look at one series needs: totals (already deflated), the check's rule, and alpha'. */
export interface SequentialInput {
  baseline: CountTotals;
  candidate: CountTotals;
  tolerance: number;
  direction: 'increase' | 'decrease';
  /** The level of this series' test: its looks' share of alpha over the family (alpha-split.ts). */
  alpha: number;
  /** The mixing Beta's concentration k: DEFAULT_CONCENTRATION; set only by the tuning bench (bench/sequential/tune-concentration.ts). */
  concentration?: number;
}

/** The outcome of one look. */
export interface SequentialLook {
  /** The candidate's share of the events at the edge of the tolerance. */
  theta0: number;
  /** The observed share x_c / (x_c + x_b); null with no events at all. */
  share: number | null;
  /** log of the one-sided Bayes factor BF+ (bayes-factor.ts). */
  logBayesFactor: number;
  bayesFactor: number;
  /** 1 / alpha: the Bayes factor at which the test is certain. */
  threshold: number;
  /** An anytime-valid p-value: min(1, 1 / BF). */
  pValue: number;
  /** True when the share is on the bad side of theta0 (implied by a stop: BF+ <= 1 on the good side). */
  badSide: boolean;
  stop: boolean;
}

/** Decide one look: stop when the one-sided BF+ >= 1/alpha. */
export function decideSequentialStop(input: SequentialInput): SequentialLook {
  const { baseline, candidate } = input;
  const threshold = 1 / input.alpha;
  const events = baseline.events + candidate.events;
  if (!(baseline.trials > 0 && candidate.trials > 0) || events <= 0) {
    return {
      theta0: NaN,
      share: null,
      logBayesFactor: 0,
      bayesFactor: 1,
      threshold,
      pValue: 1,
      badSide: false,
      stop: false,
    };
  }
  const theta0 = nullShare(candidate.trials, baseline.trials, input.tolerance, input.direction);
  const share = candidate.events / events;
  const logBayesFactor =
    theta0 > 0 && theta0 < 1
      ? logOneSidedShareBayesFactor(
          candidate.events,
          baseline.events,
          theta0,
          input.direction,
          input.concentration ?? DEFAULT_CONCENTRATION,
        )
      : 0;
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
