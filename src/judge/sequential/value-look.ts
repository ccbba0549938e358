/**
 * One look at a value check (latency, throughput) while the post window fills: the anytime-valid
 * one-sided test of value-test.ts on the candidate so far. It only ever stops for a regression;
 * a pass waits for the window's end and the fixed-window judge (see value-test.ts for why).
 */
import { formatChange, formatPercent, formatValue } from '../wording.js';
import { logNormalMixture, normalMixtureBoundary } from './normal-mixture.js';
import {
  DEFAULT_HORIZON,
  prepareValueTest,
  type ReadyValueTest,
  type ValueCheck,
  type ValueTest,
} from './value-test.js';

/** The outcome of one look. */
export interface ValueLook {
  /** True when the test is certain of a regression beyond the tolerance. */
  stop: boolean;
  /** True when the candidate's mean so far is beyond the threshold (the sum is positive). */
  badSide: boolean;
  /** The candidate's change against the baseline: ratio of geometric means - 1 (log scale) or of means - 1 (raw); null without values or with a zero baseline mean. */
  change: number | null;
  /** statistic / boundary, floored at 0: 1 means the boundary is reached ("evidence 0.42 of 1"). */
  evidence: number;
  /** S_t: the running sum of (value - threshold) on the test scale. */
  statistic: number;
  /** The S_t at which this look would stop. */
  boundary: number;
  /** ln of the mixture martingale; the look stops at ln(2 / alpha). */
  logMixture: number;
  /** Candidate values used, and those set aside (not finite, or <= 0 on the log scale). */
  values: number;
  skipped: number;
  scale: 'log' | 'raw' | null;
  reason: string;
}

/** The look at a running sum of `count` signed, scaled values (`sum`) with their unsigned mean. */
export function lookFromSum(
  test: ReadyValueTest,
  check: ValueCheck,
  sum: number,
  count: number,
  skipped: number,
): ValueLook {
  const mean = count > 0 ? (test.sign * sum) / count : NaN;
  const statistic = sum - count * test.threshold;
  const variance = count * test.stepVariance;
  const logMixture = count > 0 ? logNormalMixture(statistic, variance, test.rho) : 0;
  const boundary = normalMixtureBoundary(variance, test.rho, test.logThreshold);
  const stop = count > 0 && statistic > 0 && logMixture >= test.logThreshold;
  const change =
    count === 0
      ? null
      : test.scale === 'log'
        ? Math.expm1(mean - test.baselineMean)
        : test.baselineMean !== 0
          ? mean / test.baselineMean - 1
          : null;
  const evidence = statistic > 0 && boundary > 0 ? statistic / boundary : stop ? 1 : 0;
  const look = {
    stop,
    badSide: statistic > 0,
    change,
    evidence,
    statistic,
    boundary,
    logMixture,
    values: count,
    skipped,
    scale: test.scale,
  };
  return { ...look, reason: describeValueLook(look, check) };
}

/**
 * A value look in words. `tests`: the size of the sequential family the look's alpha was split
 * over (early-stop.ts); more than one is said inside the closing parenthesis.
 */
export function describeValueLook(look: Omit<ValueLook, 'reason'>, check: ValueCheck, tests = 1): string {
  const rise = check.direction === 'decrease' ? 'fall' : 'rise';
  const size =
    look.change === null ? '' : `${look.scale === 'log' ? 'geometric mean' : 'mean'} ${formatChange(look.change)}, `;
  const skipped =
    look.skipped > 0
      ? `; ${look.skipped} value(s) set aside (not finite${look.scale === 'log' ? ' or <= 0' : ''})`
      : '';
  const what = `${size}tolerance ${formatPercent(check.tolerance)}, ${look.values} value(s)${skipped}`;
  const family = tests > 1 ? ` over ${tests} sequential tests` : '';
  if (look.stop)
    return `anytime-valid test certain of a ${rise} beyond tolerance (${what}; sum ${formatValue(look.statistic)} >= boundary ${formatValue(look.boundary)}${family})`;
  if (!look.badSide) return `no evidence of a ${rise} beyond tolerance yet (${what}${family})`;
  return `evidence ${formatValue(Number(look.evidence.toFixed(2)))} of 1 for a ${rise} beyond tolerance (${what}${family})`;
}

/** A look that can never stop: the test could not be set up on this baseline. */
export function unreadyLook(test: Extract<ValueTest, { ready: false }>, count: number, skipped: number): ValueLook {
  return {
    stop: false,
    badSide: false,
    change: null,
    evidence: 0,
    statistic: 0,
    boundary: Infinity,
    logMixture: 0,
    values: count,
    skipped,
    scale: null,
    reason: `${test.reason}; waiting for the window's end`,
  };
}

/** The candidate value on the test's signed scale, or null when it cannot be used. */
export function scaledValue(test: ReadyValueTest, v: number): number | null {
  if (!Number.isFinite(v)) return null;
  if (test.scale === 'log') return v > 0 ? test.sign * Math.log(v) : null;
  return test.sign * v;
}

/**
 * Look at the candidate so far against the complete baseline (both in time order) at level alpha
 * (already divided over the family). `horizon`: the post window's planned number of points.
 */
export function lookAtValues(
  check: ValueCheck,
  baseline: Float64Array,
  candidate: Float64Array,
  alpha: number,
  horizon = DEFAULT_HORIZON,
): ValueLook {
  const test = prepareValueTest(check, baseline, alpha, horizon);
  let sum = 0;
  let count = 0;
  let skipped = 0;
  for (const v of candidate) {
    const y = test.ready ? scaledValue(test, v) : Number.isFinite(v) ? v : null;
    if (y === null) skipped++;
    else {
      sum += y;
      count++;
    }
  }
  return test.ready ? lookFromSum(test, check, sum, count, skipped) : unreadyLook(test, count, skipped);
}
