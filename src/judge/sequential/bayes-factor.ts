/**
 * The anytime-valid Bayes factor for count data of Lindon & Malek ("Anytime-Valid Inference for
 * Multinomial Count Data", NeurIPS 2022), two-arm case: given the events of both sides, the
 * candidate's share of them is Bin(x_b + x_c, theta) and the null is theta = theta0. The
 * alternative mixes theta over Beta(k theta0, k (1 - theta0)), centred on the null, so
 *
 *   log BF = lnB(a + x_c, b + x_b) - lnB(a, b) - x_c ln(theta0) - x_b ln(1 - theta0),
 *
 * a = k theta0, b = k (1 - theta0). Under the null the BF is a nonnegative martingale in the
 * events with E = 1, so by Ville's inequality P(BF ever >= 1/alpha) <= alpha, however often it
 * is looked at. Counts may be real numbers (deflated by their dispersion): lnB is continuous.
 */
import { logBeta } from '../stats/incomplete-beta.js';

/** The concentration of the mixing Beta around theta0; 100 is the paper's common default. */
export const DEFAULT_CONCENTRATION = 100;

/** log of the Beta-binomial mixture Bayes factor against share theta0 (0 < theta0 < 1). */
export function logShareBayesFactor(candidateEvents: number, baselineEvents: number, theta0: number, concentration = DEFAULT_CONCENTRATION): number {
  if (!(theta0 > 0 && theta0 < 1)) throw new RangeError(`theta0 must be in (0, 1), got ${theta0}`);
  const a = concentration * theta0;
  const b = concentration * (1 - theta0);
  return (
    logBeta(a + candidateEvents, b + baselineEvents) - logBeta(a, b) - candidateEvents * Math.log(theta0) - baselineEvents * Math.log1p(-theta0)
  );
}

/**
 * The candidate's share of the events at the edge of "no regression beyond tolerance": with the
 * candidate's rate (1 + tol) times the baseline's (increase) or (1 - tol) times (decrease), its
 * expected share of the events is that multiple of its trials over all trials.
 */
export function nullShare(candidateTrials: number, baselineTrials: number, tolerance: number, direction: 'increase' | 'decrease'): number {
  const factor = direction === 'increase' ? 1 + tolerance : Math.max(0, 1 - tolerance);
  const weighted = factor * candidateTrials;
  return weighted / (weighted + baselineTrials);
}
