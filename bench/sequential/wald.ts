/**
 * Wald's lower bound on the expected sample size of any sequential test with error rates a (false
 * alarm) and b (miss): E[N] >= [(1-b) ln((1-b)/a) + b ln(b/(1-a))] / KL, KL the information per
 * observation between the alternative and the null's edge (the tolerance). It is computed as if
 * the baseline were known exactly, so it bounds every test that has to estimate it too.
 */
const numerator = (a: number, b: number): number => (1 - b) * Math.log((1 - b) / a) + b * Math.log(b / (1 - a));

/** KL(Ber(p1) || Ber(p0)). */
function bernoulliKl(p1: number, p0: number): number {
  return p1 * Math.log(p1 / p0) + (1 - p1) * Math.log((1 - p1) / (1 - p0));
}

/** Seconds of traffic at `rps` a test of error rate `rate` x `ratio` against the edge rate x (1 + tol) needs on average. */
export function waldSecondsCounts(
  rps: number,
  rate: number,
  ratio: number,
  tolerance: number,
  a: number,
  b: number,
): number {
  return numerator(a, b) / bernoulliKl(rate * ratio, rate * (1 + tolerance)) / rps;
}

/**
 * Seconds for a log-shift ln(1 + shift) against ln(1 + tol) on steps of `step` seconds with log
 * sd sigma; AR(1) noise carries (1 - phi) / (1 + phi) of the information of independent steps.
 */
export function waldSecondsValues(
  step: number,
  sigma: number,
  phi: number,
  shift: number,
  tolerance: number,
  a: number,
  b: number,
): number {
  const delta = Math.log1p(shift) - Math.log1p(tolerance);
  const kl = ((delta * delta) / (2 * sigma * sigma)) * ((1 - phi) / (1 + phi));
  return (numerator(a, b) / kl) * step;
}
