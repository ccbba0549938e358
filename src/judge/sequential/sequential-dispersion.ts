/**
 * The dispersions a sequential count look divides its counts by. The fixed-window judge takes
 * the larger of each side's own and the pooled estimate (dispersion.ts); at the first looks the
 * candidate has only a handful of steps, its own Pearson chi-square / df is noise (sd sqrt(2/df)),
 * and the max of it and 1 deflates a healthy binomial candidate by ~20% on average, which costs
 * the sequential test about 30 s at 2x errors and 10 requests a second. So the candidate keeps
 * the pooled estimate unless its own chi-square is significantly above it (1% level): a burst in
 * the candidate, which must not read as certainty, is still deflated by its own dispersion.
 */
import type { CountStep } from '../count/count-series.js';
import { estimateDispersion } from '../count/dispersion.js';
import { chiSquareUpperQuantile } from '../stats/chi-square.js';

/** The level at which the candidate's own dispersion must exceed the pooled one to be used. */
const OWN_DISPERSION_LEVEL = 0.01;

/** A side's Pearson chi-square and its degrees of freedom. */
export interface ChiSquare {
  chi2: number;
  df: number;
  dispersion: number;
}

/** [baseline, candidate] dispersions from each side's chi-square (see the module comment). */
export function sequentialDispersionsOf(b: ChiSquare, c: ChiSquare): [number, number] {
  const pooledDf = b.df + c.df;
  const pooled = pooledDf > 0 ? Math.max(1, (b.chi2 + c.chi2) / pooledDf) : 1;
  const own = c.df >= 1 && c.chi2 / pooled > chiSquareUpperQuantile(OWN_DISPERSION_LEVEL, c.df);
  return [Math.max(b.dispersion, pooled), own ? Math.max(c.dispersion, pooled) : pooled];
}

/** [baseline, candidate] dispersions of two sides' steps. */
export function sequentialDispersions(
  baseline: readonly CountStep[],
  candidate: readonly CountStep[],
): [number, number] {
  return sequentialDispersionsOf(estimateDispersion(baseline), estimateDispersion(candidate));
}
