/**
 * How much the remaining dependence of the paired differences inflates the variance of their
 * mean. What is left after the shared shape cancels (the noise of each side, a wander of the
 * candidate's own) is still autocorrelated; the judge's long-run variance
 * (stats/long-run-variance.ts: persistence read at several lags, at an upper confidence value,
 * borrowed when the window is too short, with Student-t degrees of freedom for its own
 * uncertainty) is applied to the differences as to any one time-ordered sample.
 */
import { longRunOf, type LongRun } from '../stats/long-run-variance.js';

export interface DifferenceDependence {
  /** Variance of the mean of the differences relative to independent ones (>= 1). */
  factor: number;
  /** Degrees of freedom of the inflated variance (Infinity when nothing was inflated). */
  degreesOfFreedom: number;
  /** The persistence (lag-1 autocorrelation) the factor assumes. */
  persistence: number;
  /** 'borrowed' when the differences were too few to estimate it (a conservative value was assumed). */
  basis: LongRun['basis'];
}

/** The dependence of time-ordered differences. */
export function dependenceOf(differences: Float64Array): DifferenceDependence {
  const longRun = longRunOf([differences]);
  return {
    factor: longRun.factorFor(differences.length),
    degreesOfFreedom: longRun.degreesOfFreedom,
    persistence: longRun.persistence,
    basis: longRun.basis,
  };
}
