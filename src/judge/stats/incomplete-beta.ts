/**
 * The regularised incomplete beta function I_x(a, b), the exact tail of the binomial distribution
 * for integer arguments: P(X >= k) = I_p(k, n - k + 1) for X ~ Bin(n, p). Real arguments are
 * allowed, which is what the quasi-binomial test needs after deflating counts by the dispersion.
 *
 * Lentz's continued fraction (Numerical Recipes 6.4) is evaluated on whichever side of the mean
 * converges, so the small tail is computed directly and never as 1 minus something close to 1.
 * The prefactor x^a (1-x)^b / (a B(a, b)) comes from simple-statistics' gammaln (2e-16 of scipy).
 */
import { gammaln } from 'simple-statistics';

const TINY = 1e-300;
const EPS = 1e-16;

/** log B(a, b). */
export function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** The continued fraction of I_x(a, b), valid (fast) for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const maxIterations = 200 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** The lower tail I_x(a, b) when `upper` is false, else its complement 1 - I_x(a, b), both to full relative precision. */
function incompleteBetaTail(x: number, a: number, b: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (x >= 1) return upper ? 0 : 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
    return upper ? 1 - lower : lower;
  }
  const complement = (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
  return upper ? complement : 1 - complement;
}

/**
 * ln I_x(a, b) (`upper` false) or ln(1 - I_x(a, b)) (`upper` true), finite where the tail itself
 * underflows (below ~1e-308): the small tail is the prefactor times the continued fraction, whose
 * log is summed instead of multiplied out, and the large one is log1p of minus the small one.
 */
function logIncompleteBetaTail(x: number, a: number, b: number, upper: boolean): number {
  if (x <= 0) return upper ? 0 : -Infinity;
  if (x >= 1) return upper ? -Infinity : 0;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  const lowerIsSmall = x < (a + 1) / (a + b + 2);
  const logSmall = lowerIsSmall
    ? logFront + Math.log(betaContinuedFraction(x, a, b)) - Math.log(a)
    : logFront + Math.log(betaContinuedFraction(1 - x, b, a)) - Math.log(b);
  // The small tail is the one asked for when `upper` and `lowerIsSmall` differ.
  return upper !== lowerIsSmall ? Math.min(0, logSmall) : Math.log1p(-Math.min(1, Math.exp(logSmall)));
}

/** ln I_x(a, b) for a, b > 0 and 0 <= x <= 1, finite however small I_x is (-Infinity only at x = 0). */
export function logRegularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  return logIncompleteBetaTail(x, a, b, false);
}

/** ln(1 - I_x(a, b)) for a, b > 0 and 0 <= x <= 1, finite however small the complement is (-Infinity only at x = 1). */
export function logRegularizedBetaComplement(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  return logIncompleteBetaTail(x, a, b, true);
}

/** I_x(a, b) for a, b > 0 and 0 <= x <= 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  return Math.min(1, Math.max(0, incompleteBetaTail(x, a, b, false)));
}

/** 1 - I_x(a, b), precise when it is tiny. */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  return Math.min(1, Math.max(0, incompleteBetaTail(x, a, b, true)));
}

/** The x with I_x(a, b) = q, by bisection on the monotone function (60 halvings reach double precision). */
export function betaQuantile(q: number, a: number, b: number): number {
  if (q <= 0) return 0;
  if (q >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(hi, 1e-300); i++) {
    const mid = lo + (hi - lo) / 2;
    if (regularizedBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
