/**
 * The anytime-valid Bayes factor for count data of Lindon & Malek ("Anytime-Valid Inference for
 * Multinomial Count Data", NeurIPS 2022), two-arm case: given the events of both sides, the
 * candidate's share of them is Bin(x_b + x_c, theta) and the null is theta = theta0. The
 * two-sided mixture takes theta ~ Beta(a, b), a = k theta0, b = k (1 - theta0), centred on the null:
 *
 *   log BF = lnB(a + x_c, b + x_b) - lnB(a, b) - x_c ln(theta0) - x_b ln(1 - theta0).
 *
 * The stop rule (stop-rule.ts) tests a one-sided null ("share <= theta0" for increase), so it uses
 * the one-sided mixture instead: the same Beta restricted to the bad side of theta0 and
 * renormalised. For increase, with Q(t; a, b) = 1 - I_t(a, b) the Beta's upper tail,
 *
 *   log BF+ = log BF + ln Q(theta0; a + x_c, b + x_b) - ln Q(theta0; a, b)
 *
 * (the posterior's mass above theta0 over the prior's); for decrease the lower tail I replaces Q.
 * Every likelihood ratio L(theta)/L(theta0) with theta > theta0 has expectation <= 1 per event
 * under any theta' <= theta0, so BF+ (their average) is a nonnegative supermartingale under the
 * whole composite null and Ville's inequality bounds P(BF+ ever >= 1/alpha) by alpha. On the bad
 * side BF ~= P+ BF+ with P+ ~ 1/2 the prior's mass there, so BF+ is about twice the evidence of
 * the two-sided factor for the same data. Both tails are taken in log space
 * (incomplete-beta.ts), so BF+ stays finite far on the good side, where the posterior's mass
 * above theta0 underflows. Counts may be real numbers (deflated by their dispersion): lnB and the
 * incomplete beta are continuous in them.
 */
import { logBeta, logRegularizedBeta, logRegularizedBetaComplement } from '../stats/incomplete-beta.js';

/**
 * The concentration k of the mixing Beta around theta0: a fixed constant of the test (any fixed k
 * keeps Ville's bound; choosing it from the data would not). The paper's common default is 100; at
 * the shares a post window has against a 30-minute baseline (theta0 ~ 0.05 to 0.1) that prior's sd
 * is ~0.03, narrower than the shift a 2x error rate makes (~0.06), and the mixture pays for it.
 * Measured with the one-sided mixture of the stop rule (bench/sequential/tune-concentration.ts,
 * the count cells of npm run bench:sequential, 1000 replications, seed 20261128): median time to
 * detect 1% errors x2 at 10 requests a second 150 s at k = 5, 135 s at 10 to 50, 150 s at 100
 * (p90 330 s at 15 to 50); 5% x2 30 s at k >= 25, 45 s below. k = 25 is in the flat optimum.
 */
export const DEFAULT_CONCENTRATION = 25;

/** log of the Beta-binomial mixture Bayes factor against share theta0 (0 < theta0 < 1). */
export function logShareBayesFactor(
  candidateEvents: number,
  baselineEvents: number,
  theta0: number,
  concentration = DEFAULT_CONCENTRATION,
): number {
  if (!(theta0 > 0 && theta0 < 1)) throw new RangeError(`theta0 must be in (0, 1), got ${theta0}`);
  const a = concentration * theta0;
  const b = concentration * (1 - theta0);
  return (
    logBeta(a + candidateEvents, b + baselineEvents) -
    logBeta(a, b) -
    candidateEvents * Math.log(theta0) -
    baselineEvents * Math.log1p(-theta0)
  );
}

/**
 * log of the one-sided mixture Bayes factor against share theta0: the mixing Beta restricted to
 * theta > theta0 (increase) or theta < theta0 (decrease), renormalised (see the module comment).
 */
export function logOneSidedShareBayesFactor(
  candidateEvents: number,
  baselineEvents: number,
  theta0: number,
  direction: 'increase' | 'decrease',
  concentration = DEFAULT_CONCENTRATION,
): number {
  const twoSided = logShareBayesFactor(candidateEvents, baselineEvents, theta0, concentration);
  const a = concentration * theta0;
  const b = concentration * (1 - theta0);
  const logTail = direction === 'increase' ? logRegularizedBetaComplement : logRegularizedBeta;
  return twoSided + logTail(theta0, a + candidateEvents, b + baselineEvents) - logTail(theta0, a, b);
}

/**
 * The candidate's share of the events at the edge of "no regression beyond tolerance": with the
 * candidate's rate (1 + tol) times the baseline's (increase) or (1 - tol) times (decrease), its
 * expected share of the events is that multiple of its trials over all trials.
 */
export function nullShare(
  candidateTrials: number,
  baselineTrials: number,
  tolerance: number,
  direction: 'increase' | 'decrease',
): number {
  const factor = direction === 'increase' ? 1 + tolerance : Math.max(0, 1 - tolerance);
  const weighted = factor * candidateTrials;
  return weighted / (weighted + baselineTrials);
}
