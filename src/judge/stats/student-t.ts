/** Student's t distribution through the regularised incomplete beta (exact for any real df > 0). */
import { normalQuantile, normalSurvival } from './normal.js';
import { regularizedBeta } from './incomplete-beta.js';

/** P(T > t) for T ~ t(df); df = Infinity is the standard normal. */
export function studentTSurvival(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalSurvival(t);
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** The t with P(T > t) = q, for 0 < q < 1, by bisection. */
export function studentTUpperQuantile(q: number, df: number): number {
  if (!Number.isFinite(df)) return -normalQuantile(q);
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentTSurvival(mid, df) > q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
