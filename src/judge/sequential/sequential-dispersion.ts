/**
 * The dispersions a sequential count look divides its counts by. The fixed-window judge takes
 * the larger of each side's own and the pooled estimate (dispersion.ts); at the first looks the
 * candidate has only a handful of steps, its own Pearson chi-square / df is noise (sd sqrt(2/df)),
 * and the max of it and 1 deflates a healthy binomial candidate by ~20% on average, which costs
 * the sequential test about 30 s at 2x errors and 10 requests a second. So the candidate keeps
 * the pooled estimate unless its own chi-square is significantly above it (1% level): a burst in
 * the candidate, which must not read as certainty, is still deflated by its own dispersion.
 *
 * A slowly drifting error rate adds the long-run part of long-run-dispersion.ts to each side, for
 * the number of steps it has at this look. Its persistence is fitted on the baseline alone: a
 * look's candidate has a handful of steps, and a fit that moved with them would make the replay
 * (first-count-stop.ts) cost a fit per step.
 */
import type { CountStep } from '../count/count-series.js';
import { estimateDispersion } from '../count/dispersion.js';
import {
  fitPersistence,
  longRunFactor,
  pearsonResiduals,
  stepsByTime,
  type CountPersistence,
} from '../count/long-run-dispersion.js';
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

/** Fits already made, by the baseline's steps array: every look of a watch reads the same baseline. */
const fits = new WeakMap<readonly CountStep[], CountPersistence>();

/** The persistence a sequential look assumes: fitted on the baseline's steps alone. */
export function sequentialPersistence(baseline: readonly CountStep[]): CountPersistence {
  const known = fits.get(baseline);
  if (known !== undefined) return known;
  const fit = fitPersistence([pearsonResiduals(baseline)]);
  fits.set(baseline, fit);
  return fit;
}

/** Add the long-run part of a persistent error rate to dispersions of sides of nb and nc steps. */
export function withLongRun(
  [db, dc]: [number, number],
  fit: CountPersistence,
  nb: number,
  nc: number,
): [number, number] {
  return [longRunFactor(db, fit, nb), longRunFactor(dc, fit, nc)];
}

/** [baseline, candidate] dispersions of two sides' steps, with the long-run part. */
export function sequentialDispersions(
  baseline: readonly CountStep[],
  candidate: readonly CountStep[],
): [number, number] {
  return withLongRun(
    sequentialDispersionsOf(estimateDispersion(baseline), estimateDispersion(candidate)),
    sequentialPersistence(baseline),
    stepsByTime(baseline).length,
    stepsByTime(candidate).length,
  );
}
