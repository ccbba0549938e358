/** The chi-square distribution's quantiles, by the Wilson-Hilferty cube-root normal approximation. */
import { normalQuantile } from './normal.js';

/**
 * The chi-square upper quantile at tail q with df degrees of freedom: P(X > x) = q. Within a few
 * per cent for df >= 2 (checked against scipy in the tests): ample for dispersion and variance bounds.
 */
export function chiSquareUpperQuantile(q: number, df: number): number {
  const a = 2 / (9 * df);
  return df * Math.max(0, 1 - a - normalQuantile(q) * Math.sqrt(a)) ** 3;
}
