/**
 * The one step classify-series.ts takes with `baseline.history`: a series the within-window test
 * decided (or found too short to decide) is decided again against the natural variability of its
 * change between adjacent windows (redecide.ts), and says so; bounds (`max`/`min`) still fail on
 * their own, and series history could not be measured for keep their verdict with a note saying why.
 */
import type { SeriesHistory, SeriesResult } from '../../types.js';
import { describeBoundsHeld } from '../bounds.js';
import type { SeriesCheck } from '../classify-series.js';
import { formatDuration } from '../../time/duration.js';
import { formatChange, formatP, formatPercent, formatValue } from '../wording.js';
import { decideWithHistory, type HistoryDecision } from './redecide.js';
import { windowNoise, type HistoryShortfall, type HistorySpread } from './spread.js';

/** What the judge gets for one series with `baseline.history`: how much history, and what it showed. */
export interface HistoryInput {
  /** Seconds of history read (`baseline.history`). */
  seconds: number;
  measured: HistorySpread | HistoryShortfall;
}

/** Rules the history re-decides: the statistical comparison's, and its too-short-to-tell. */
const REDECIDED = new Set([
  'beyond-tolerance',
  'within-tolerance',
  'not-significant',
  'not-bad-direction',
  'too-few-effective-samples',
]);

const asChange = (spread: HistorySpread, error: number): number => (spread.scale === 'log' ? Math.expm1(error) : error);
const plusMinus = (x: number): string => `±${formatChange(x).replace(/^[+-]/, '')}`;

function describeSpread(spread: HistorySpread, seconds: number): string {
  return `adjacent windows differ by ${plusMinus(asChange(spread, spread.spread))} over the last ${formatDuration(seconds)} (root mean square of ${spread.moments} past moments)`;
}

const sortedValues = (points: readonly { v: number }[] | undefined): Float64Array =>
  Float64Array.from((points ?? []).map((p) => p.v).filter(Number.isFinite)).sort();

/** The points' scatter in the judged windows, measured as history's was (spread.ts windowNoise). */
const noiseOf = (result: SeriesResult): number | null =>
  windowNoise(sortedValues(result.samples?.baseline), sortedValues(result.samples?.candidate));

/** `result` re-decided against the history's spread, or kept with a note when there is nothing to decide with. */
export function judgeWithHistory(
  result: SeriesResult,
  history: HistoryInput | undefined,
  check: SeriesCheck,
): SeriesResult {
  if (history === undefined) return result;
  const { measured, seconds } = history;
  if ('shortfall' in measured) {
    const note = `baseline.history ${formatDuration(seconds)} not used: ${measured.shortfall}; judged on the within-window noise alone`;
    const summary: SeriesHistory = { seconds, moments: 0, spread: null, decided: false, shortfall: measured.shortfall };
    return { ...result, history: summary, notes: [...(result.notes ?? []), note] };
  }
  const base: SeriesHistory = {
    seconds,
    moments: measured.moments,
    spread: asChange(measured, measured.spread),
    decided: false,
  };
  const decision =
    result.test === 'mann-whitney' && result.rule !== undefined && REDECIDED.has(result.rule)
      ? decideWithHistory(
          {
            relativeChange: result.relativeChange,
            relativeChangeInterval: result.relativeChangeInterval,
            intervalConfidence: result.intervalConfidence ?? check.confidence,
            noise: noiseOf(result),
          },
          measured,
          check,
        )
      : null;
  if (decision === null) return { ...result, history: base };
  return reword(result, decision, measured, { ...base, decided: true }, check);
}

function reword(
  result: SeriesResult,
  decision: HistoryDecision,
  spread: HistorySpread,
  summary: SeriesHistory,
  check: SeriesCheck,
): SeriesResult {
  const [lo, hi] = decision.relativeChangeInterval;
  const size = `shift ${formatChange(decision.relativeChange)} [${formatChange(lo)}, ${formatChange(hi)}]`;
  const tol = formatPercent(check.tolerance);
  const alpha = Number((1 - check.confidence).toPrecision(12));
  const bad =
    check.direction === 'increase'
      ? decision.relativeChange > 0
      : check.direction === 'decrease'
        ? decision.relativeChange < 0
        : decision.relativeChange !== 0;
  const [rule, words, needs]: [SeriesResult['rule'], string, string] = decision.regressed
    ? ['beyond-tolerance', `beyond tolerance ${tol} and the natural variability `, '']
    : bad
      ? [
          'not-significant',
          `not beyond tolerance ${tol} given the natural variability `,
          `, needs < ${formatValue(alpha)}`,
        ]
      : ['not-bad-direction', 'not a change in the bad direction ', ''];
  const candidate = Float64Array.from((result.samples?.candidate ?? []).map((p) => p.v).filter(Number.isFinite)).sort();
  const within =
    decision.withinError > 0 ? `, within the windows ${plusMinus(asChange(spread, decision.withinError))}` : '';
  const after = `${needs})${`; ${describeSpread(spread, summary.seconds)}${within}`}${describeBoundsHeld(candidate, check)}`;
  const before = `${size}, ${words}`;
  return {
    ...result,
    verdict: decision.regressed ? 'fail' : 'pass',
    relativeChange: decision.relativeChange,
    relativeChangeInterval: decision.relativeChangeInterval,
    intervalConfidence: decision.intervalConfidence,
    pValue: decision.pValue,
    alpha,
    rule,
    reason: `${before}(${formatP(decision.pValue)}${after}`,
    pFrame: { before, after },
    history: { ...summary, withinWindow: asChange(spread, decision.withinError) },
  };
}
