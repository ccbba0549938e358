/**
 * The one-sided normal-mixture martingale of Howard, Ramdas, McAuliffe and Sekhon ("Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 2021) for a running sum S_t
 * of increments with mean <= 0 and variance process V_t. Mixing exp(lambda S - lambda^2 V / 2)
 * over a half-normal lambda >= 0 with precision rho gives
 *
 *   M_t = 2 sqrt(rho / (V + rho)) exp(S^2 / (2 (V + rho))) Phi(S / sqrt(V + rho)),
 *
 * a nonnegative supermartingale with M_0 = 1 whenever every exp(lambda S - lambda^2 V / 2),
 * lambda >= 0, is one (sub-Gaussian increments whose mean is <= 0). By Ville's inequality
 * P(M_t ever >= 1/a) <= a. Only lambda >= 0 is mixed because only a rise is evidence: the
 * half-normal puts all the prior on that side, which buys about a factor 2 in the threshold over
 * the two-sided mixture sqrt((V + rho)(ln(1 + V/rho) + 2 ln(1/a))) (Howard et al., "Time-uniform, nonparametric, nonasymptotic confidence sequences", 2021).
 */
import { normalCdf } from '../stats/normal.js';

/** ln M_t for a running sum `sum` with variance `variance` and mixing precision `rho` (> 0). */
export function logNormalMixture(sum: number, variance: number, rho: number): number {
  const total = variance + rho;
  const z = sum / Math.sqrt(total);
  // Below about z = -37 Phi underflows to 0; M is then ~0 anyway: no evidence.
  const phi = normalCdf(z);
  if (phi === 0) return -Infinity;
  return Math.LN2 + 0.5 * Math.log(rho / total) + (sum * sum) / (2 * total) + Math.log(phi);
}

/** The two-sided boundary at level a: the one-sided boundary is never above it. */
function twoSidedBoundary(variance: number, rho: number, logThreshold: number): number {
  return Math.sqrt((variance + rho) * (Math.log1p(variance / rho) + 2 * logThreshold));
}

/** The smallest S >= 0 with ln M(S, V) >= logThreshold (ln 1/a), by bisection: M rises with S for S >= 0. */
export function normalMixtureBoundary(variance: number, rho: number, logThreshold: number): number {
  let lo = 0;
  let hi = twoSidedBoundary(variance, rho, logThreshold);
  if (logNormalMixture(lo, variance, rho) >= logThreshold) return 0;
  for (let i = 0; i < 60 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (logNormalMixture(mid, variance, rho) >= logThreshold) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The mixing precision that makes the boundary tightest near intrinsic time `target` (a variance):
 * Howard et al.'s rho = m / (2 ln(1/a) + ln(1 + 2 ln(1/a))) for the two-sided mixture, which is
 * within a few percent of the one-sided optimum. rho only moves power between early and late
 * looks; any fixed rho > 0 keeps the guarantee, but it must not depend on the candidate's data.
 */
export function tunedPrecision(target: number, logThreshold: number): number {
  return target / (2 * logThreshold + Math.log1p(2 * logThreshold));
}
