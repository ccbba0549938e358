/**
 * Binomial tails for real-valued counts (integers give the exact binomial; deflated counts the
 * quasi-binomial), through the regularised incomplete beta: no normal approximation anywhere.
 */
import { betaQuantile, regularizedBeta, regularizedBetaComplement } from './incomplete-beta.js';

/** P(X >= k) for X ~ Bin(n, p): 1 for k <= 0, 0 for k > n. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return regularizedBeta(p, k, n - k + 1);
}

/** P(X <= k) for X ~ Bin(n, p): 0 for k < 0, 1 for k >= n. */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return regularizedBetaComplement(p, k + 1, n - k);
}

/** The Clopper-Pearson interval of a binomial proportion with k successes in n, two-sided at `confidence`. */
export function clopperPearson(k: number, n: number, confidence = 0.95): [number, number] {
  const tail = (1 - confidence) / 2;
  const lower = k <= 0 ? 0 : betaQuantile(tail, k, n - k + 1);
  const upper = k >= n ? 1 : betaQuantile(1 - tail, k + 1, n - k);
  return [lower, upper];
}
