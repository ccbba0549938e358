/** The judge's public API: pure functions from series to verdicts, and the statistics behind them. */
export { judgeCheck, type JudgeMode } from './judge-check.js';
export { judgeRun, type RunVerdict } from './judge-run.js';
export { classifySeries, type SeriesCheck } from './classify-series.js';
export { matchSeries, findSideLabels, type MatchResult, type SeriesPair } from './match.js';
export { cleanPoints, type CleanSample } from './clean.js';
export { compareSamples, type Comparison } from './compare.js';
export { worstVerdict } from './verdict.js';
export { describeSample, aggregateSorted, quantileSorted, meanOf } from './stats/describe.js';
export { mannWhitney, mannWhitneySorted, type Alternative, type MannWhitneyOptions, type MannWhitneyResult } from './stats/mann-whitney.js';
export { hodgesLehmann, hodgesLehmannSorted, type HodgesLehmannResult } from './stats/hodges-lehmann.js';
export { kthPairwiseDifference } from './stats/pairwise-differences.js';
export { erfc, normalCdf, normalSurvival, normalQuantile, normalDensity } from './stats/normal.js';
