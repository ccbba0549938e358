/** Anytime-valid sequential tests for count checks, used while `run` waits for the post window. */
export { logShareBayesFactor, nullShare, DEFAULT_CONCENTRATION } from './bayes-factor.js';
export { decideSequentialStop, type SequentialInput, type SequentialLook } from './stop-rule.js';
export { LOOK_SHARE, sequentialAlpha, type SequentialFamily } from './alpha-split.js';
export { lookAtSeries, type SequentialCheck, type SeriesLook } from './look-series.js';
export { formatBayesFactor } from './format.js';
