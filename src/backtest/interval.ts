/**
 * The exact (Clopper-Pearson) confidence interval of a binomial proportion: conservative, and
 * sensible at 0 of 24 or 24 of 24, where the normal approximation gives an empty interval.
 */

/** log(k!) by summation: a backtest has at most a few hundred moments. */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const lnN = logFactorial(n);
  let total = 0;
  let lnI = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 1) lnI += Math.log(i);
    total += Math.exp(lnN - lnI - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return Math.min(1, total);
}

/** The p where `f(p) = target` for f decreasing in p, by bisection (60 halvings: below 1e-15). */
function solveDecreasing(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Two-sided Clopper-Pearson interval for `successes` out of `trials` at `confidence` (e.g. 0.95). */
export function clopperPearson(successes: number, trials: number, confidence = 0.95): [number, number] {
  const tail = (1 - confidence) / 2;
  // Lower: P(X >= x | p) = tail, i.e. P(X <= x - 1 | p) = 1 - tail. Upper: P(X <= x | p) = tail.
  const lower = successes === 0 ? 0 : solveDecreasing((p) => binomialCdf(successes - 1, trials, p), 1 - tail);
  const upper = successes === trials ? 1 : solveDecreasing((p) => binomialCdf(successes, trials, p), tail);
  return [lower, upper];
}
