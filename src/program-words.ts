/**
 * The fixed words the program itself writes into its results: verdicts, test and rule codes,
 * statuses. Renderers and scripts branch on them, so redaction never masks one (a secret equal
 * to one of them is a public word anyway). `Record<Union, true>` makes a word added to a type
 * without being listed here a compile error.
 */
import type { SourceErrorKind } from './errors.js';
import type { DecisionRule, QueryTestStatus, SeriesResult, Verdict } from './types.js';

const VERDICTS: Record<Verdict, true> = { pass: true, fail: true, inconclusive: true };
const TESTS: Record<SeriesResult['test'], true> = {
  'mann-whitney': true,
  'paired-t': true,
  binomial: true,
  'sequential-binomial': true,
  'sequential-mixture': true,
  none: true,
};
/** Every decision rule a series can carry (also the report schema's `rule` enum, which a test holds to it). */
export const DECISION_RULES: Record<DecisionRule, true> = {
  'too-few-samples': true,
  'infinite-values': true,
  bound: true,
  'too-few-effective-samples': true,
  'window-too-short': true,
  'low-traffic': true,
  'no-events': true,
  'beyond-tolerance': true,
  'within-tolerance': true,
  'not-significant': true,
  'not-significant-adjusted': true,
  'not-bad-direction': true,
  growing: true,
  sequential: true,
  'one-sided': true,
  'no-denominator': true,
  'duplicate-series': true,
  'ruled-out': true,
  'not-ruled-out': true,
};
const PRESENCES: Record<NonNullable<SeriesResult['presence']>, true> = {
  'baseline-only': true,
  'candidate-only': true,
};
const COMPARISONS: Record<NonNullable<SeriesResult['comparison']>, true> = { paired: true, independent: true };
const IMPACT_WORDS: Record<NonNullable<SeriesResult['impact']>['kind'] | 'points', true> = {
  'excess-events': true,
  'share-above-baseline-p95': true,
  points: true,
};
const PROBE_STATUSES: Record<QueryTestStatus, true> = {
  ok: true,
  empty: true,
  sparse: true,
  unreadable: true,
  refused: true,
};
const ERROR_KINDS: Record<SourceErrorKind, true> = {
  network: true,
  timeout: true,
  http: true,
  protocol: true,
  query: true,
  auth: true,
  limit: true,
  endpoint: true,
};
const OTHER = ['backtest', 'matrix'];

const WORDS = new Set(
  [VERDICTS, TESTS, DECISION_RULES, PRESENCES, COMPARISONS, IMPACT_WORDS, PROBE_STATUSES, ERROR_KINDS]
    .flatMap(Object.keys)
    .concat(OTHER),
);

/** Whether `text` is one of the program's own result words. */
export function isProgramWord(text: string): boolean {
  return WORDS.has(text);
}
