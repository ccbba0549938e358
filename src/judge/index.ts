/** The judge's public API: pure functions from series to verdicts, and the statistics behind them. */
export type { CheckMode } from './check-mode.js';
export { judgeCheck } from './judge-check.js';
export { judgeRun, verdictOf, type RunVerdict } from './judge-run.js';
export { adjustRun } from './adjust-run.js';
export { judgeCountCheck } from './count/judge-count-check.js';
export { type CountSeries } from './count/count-series.js';
export { classifyCountSeries, DEFAULT_MIN_TRAFFIC } from './count/classify-counts.js';
export {
  SUCCESS_MARGIN,
  planCountRuleOut,
  describeRuleOutPlan,
  type RuleOutPlan,
  type RuleOutCheck,
} from './count/rule-out.js';
export { compareCounts, conditionalBinomialP, type CountComparison, type CountTotals } from './count/compare-counts.js';
export { classifySeries, type SeriesCheck } from './classify-series.js';
export { matchSeries, findSideLabels, type MatchResult, type SeriesPair } from './match.js';
export { cleanPoints, type CleanSample } from './clean.js';
export { compareSamples, type Comparison } from './compare.js';
export { worstVerdict } from './verdict.js';
export { describeSample, aggregateSorted, quantileSorted, meanOf } from './stats/describe.js';
export {
  mannWhitney,
  mannWhitneySorted,
  type Alternative,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from './stats/mann-whitney.js';
export { hodgesLehmann, hodgesLehmannSorted, type HodgesLehmannResult } from './stats/hodges-lehmann.js';
export { kthPairwiseDifference } from './stats/pairwise-differences.js';
export {
  estimateInflation,
  ar1Inflation,
  lag1RankAutocorrelation,
  correctLag1Bias,
  type Inflation,
} from './stats/autocorrelation.js';
export { mannWhitneyInflated, uVarianceMultiplier } from './stats/mann-whitney-dependent.js';
export { binomialUpperTail, binomialLowerTail, clopperPearson } from './stats/binomial.js';
export { regularizedBeta, regularizedBetaComplement, betaQuantile } from './stats/incomplete-beta.js';
export { holmAdjust } from './stats/holm.js';
export { estimateTrend, type Trend } from './stats/trend.js';
export { describeDrift } from './drift.js';
export { erfc, normalCdf, normalSurvival, normalQuantile, normalDensity } from './stats/normal.js';
export { type CheckHistory } from './history/history-of-pair.js';
export { measureHistorySpread, type HistoryGeometry, type HistorySpread } from './history/spread.js';
export { decideWithHistory, type HistoryDecision } from './history/redecide.js';
