/**
 * The paired comparison: when baseline and candidate share time (a canary read over the same
 * window, a baseline read `baseline.offset` earlier), the shape they share (a daily curve, a load
 * both ride) cancels in the per-pair differences, and only what is left is noise. Comparing the
 * two windows as independent samples instead reads that shape as variance and autocorrelation.
 *
 * The differences are log ratios ln(candidate / baseline) when every paired value is positive
 * (latencies, rates: a change is a factor), else raw differences. Their mean is tested by
 * Student's t with the variance inflated for the differences' own remaining autocorrelation
 * (dependence.ts), and with the tolerance in the null: a check fails only when the one-sided
 * (1 - alpha) confidence bound of the change lies beyond the tolerance, so a change exactly at
 * the tolerance fails at most alpha of the time. The interval printed is the test's: for a
 * one-sided check the two-sided (1 - 2 alpha) interval, whose bad-side end is that bound; for
 * `either` the two-sided (1 - alpha) interval.
 */
import type { CheckSpec } from '../../spec-model.js';
import type { DecisionRule, PFrame } from '../../types.js';
import { alphaOf, pInDirection, type ComparisonOutcome } from '../decide.js';
import { meanOf, quantileSorted } from '../stats/describe.js';
import { studentTSurvival, studentTUpperQuantile } from '../stats/student-t.js';
import { formatChange, formatP, formatPercent, formatValue } from '../wording.js';
import { dependenceOf, type DifferenceDependence } from './dependence.js';
import type { Pairs } from './pair-by-time.js';

/** The outcome of a paired comparison, with what the result reports beside it. */
export interface PairedComparison extends ComparisonOutcome {
  pairs: number;
  /** Pairs worth this many independent ones. */
  nEffective: number;
  /** Confidence of relativeChangeInterval. */
  intervalConfidence: number;
  dependence: DifferenceDependence;
  /** The differences in time order on the relative scale (log ratios, or differences over the baseline level); null with a zero baseline. */
  relativeDifferences: { times: Float64Array; values: Float64Array; log: boolean } | null;
}

/**
 * Fewer independent pairs' worth than this cannot pass: inconclusive unless the test is sure of a
 * regression. The t-test stays calibrated on fewer (its degrees of freedom see to that), so a
 * significant change still fails, but with two independent values' worth a pass would only say
 * that nothing could be seen.
 */
const MIN_EFFECTIVE_PAIRS = 3;

/** Below this variance multiplier the dependence is not worth a clause in the reason (it is still applied). */
const MENTION_FACTOR = 1.25;

function differencesOf(pairs: Pairs): { values: Float64Array; log: boolean } {
  const n = pairs.candidate.length;
  let positive = true;
  for (let i = 0; i < n && positive; i++) positive = pairs.baseline[i]! > 0 && pairs.candidate[i]! > 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++)
    values[i] = positive
      ? Math.log(pairs.candidate[i]! / pairs.baseline[i]!)
      : pairs.candidate[i]! - pairs.baseline[i]!;
  return { values, log: positive };
}

function varianceOf(values: Float64Array, mean: number): number {
  let sum = 0;
  for (const v of values) sum += (v - mean) * (v - mean);
  return values.length > 1 ? sum / (values.length - 1) : 0;
}

/** P(T > t), with t = +-Infinity (no variance at all) handled as certainty. */
function upperTail(t: number, df: number): number {
  if (Number.isNaN(t)) return 1;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  return studentTSurvival(t, df);
}

/** Test the paired change against the check's tolerance in its direction. */
export function comparePaired(
  pairs: Pairs,
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence'>,
  head: string,
): PairedComparison {
  const alpha = alphaOf(check.confidence);
  const n = pairs.candidate.length;
  const { values, log } = differencesOf(pairs);
  const mean = meanOf(values);
  const dependence = dependenceOf(values);
  const df = Math.max(1, Math.min(n - 1, dependence.degreesOfFreedom));
  const se = Math.sqrt((varianceOf(values, mean) * dependence.factor) / n);
  const level =
    Math.abs(quantileSorted(Float64Array.from(pairs.baseline).sort(), 0.5)) || Math.abs(meanOf(pairs.baseline));
  const scale = log ? 1 : level > 0 ? level : null;
  // The tolerance's edges on the differences' scale; with a zero baseline any change the bad way counts.
  const up = log ? Math.log1p(check.tolerance) : scale === null ? 0 : check.tolerance * scale;
  const down = log ? (check.tolerance < 1 ? Math.log1p(-check.tolerance) : -Infinity) : -up;
  const pUp = upperTail((mean - up) / se, df);
  const pDown = upperTail((down - mean) / se, df);
  const pValue = pInDirection(pUp, pDown, check.direction);
  const intervalConfidence = check.direction === 'either' ? 1 - alpha : 1 - 2 * alpha;
  const reach = se > 0 ? studentTUpperQuantile((1 - intervalConfidence) / 2, df) * se : 0;
  const relative = (d: number): number | null => (log ? Math.expm1(d) : scale === null ? null : d / scale);
  const relativeChange = relative(mean);
  const lower = relative(mean - reach);
  const upper = relative(mean + reach);
  const relativeChangeInterval: [number, number] | null = lower === null || upper === null ? null : [lower, upper];
  const nEffective = n / dependence.factor;

  const size =
    relativeChange === null
      ? `difference ${mean > 0 ? '+' : ''}${formatValue(mean)} from a baseline of 0`
      : `${log ? 'ratio' : 'difference'} ${formatChange(relativeChange)}` +
        (relativeChangeInterval === null
          ? ''
          : ` [${formatChange(relativeChangeInterval[0])}, ${formatChange(relativeChangeInterval[1])}] (${formatPercent(intervalConfidence)} interval)`);
  const borrowed =
    dependence.basis === 'borrowed'
      ? `; too few pairs to estimate their autocorrelation: lag-1 ${formatValue(dependence.persistence)} assumed`
      : '';
  const dependent =
    borrowed !== ''
      ? borrowed
      : dependence.factor >= MENTION_FACTOR
        ? `; differences autocorrelated (lag-1 ${formatValue(Number(dependence.persistence.toPrecision(2)))}): effective n ${formatValue(Number(nEffective.toPrecision(2)))} of ${n} pairs`
        : '';
  const relativeDifferences =
    scale === null ? null : { times: pairs.times, values: log ? values : values.map((d) => d / scale), log };
  const base = {
    pValue,
    relativeChange,
    relativeChangeInterval,
    pairs: n,
    nEffective,
    intervalConfidence,
    dependence,
    relativeDifferences,
  };

  // A pass needs pairs enough to have seen something; a change the test is sure of fails on fewer.
  if (nEffective < MIN_EFFECTIVE_PAIRS && !(pValue < alpha)) {
    const reason =
      `${head}: ${size}; too few independent pairs for the test: ${n} pairs are worth about ${formatValue(Number(nEffective.toPrecision(2)))} ` +
      `independent ones, too few to tell a change from the series' own wander${dependent}`;
    return { ...base, decidable: false, regressed: false, rule: 'too-few-effective-samples', reason };
  }
  const tol = formatPercent(check.tolerance);
  const badSign = check.direction === 'increase' ? mean > 0 : check.direction === 'decrease' ? mean < 0 : mean !== 0;
  const pointBeyond = badSign && (mean > up || mean < down);
  const word = (rule: DecisionRule, before: string, after: string): PairedComparison => {
    const frame: PFrame = { before: `${head}: ${size}, ${before}`, after: after + dependent };
    return {
      ...base,
      decidable: true,
      regressed: rule === 'beyond-tolerance',
      rule,
      reason: `${frame.before}(${formatP(pValue)}${frame.after}`,
      pFrame: frame,
    };
  };
  if (pValue < alpha) return word('beyond-tolerance', `beyond tolerance ${tol} `, ')');
  if (pointBeyond)
    return word('not-significant', `not significantly beyond tolerance ${tol} `, `, needs < ${formatValue(alpha)})`);
  if (badSign) return word('within-tolerance', `within tolerance ${tol} `, ')');
  return word('not-bad-direction', 'not a change in the bad direction ', ')');
}
