/**
 * One look at a value check (latency, throughput) while the post window fills: the anytime-valid
 * one-sided test of value-test.ts on the candidate so far. It only ever stops for a regression;
 * a pass waits for the window's end and the fixed-window judge (see value-test.ts for why).
 *
 * What a stop needs (robust stops): the test reaches its boundary twice, on all the points so far
 * and again on the points outside the strongest run of `span` consecutive points, with at least
 * MIN_POINTS_BEYOND_SPAN of them. `span` is what one restart blip can fill: every post point whose
 * rate() range holds the blip (range / step of them) plus one for a blip that lasts a step
 * (early-stop-watched.ts blipSpan). A blip, however extreme, then cannot decide alone: the points
 * it could not have touched must carry the evidence on their own, and each step adds a bounded
 * amount (value-test.ts clips it at CLIP_SDS long-run sds). A sustained regression stops about
 * `span` steps later than on all points alone (docs/benchmarks.md, "Alpha spent once"). The second
 * condition only ever removes stops, so the anytime guarantee of the first is kept.
 */
import { formatChange, formatPercent, formatValue } from '../wording.js';
import { logNormalMixture, normalMixtureBoundary } from './normal-mixture.js';
import {
  CLIP_SDS,
  DEFAULT_HORIZON,
  prepareValueTest,
  type ReadyValueTest,
  type ValueCheck,
  type ValueTest,
} from './value-test.js';

/** Points outside the blip's span a stop needs at least: evidence from several post points, not one. */
export const MIN_POINTS_BEYOND_SPAN = 2;

/** The outcome of one look. */
export interface ValueLook {
  /** True when the test is certain of a regression beyond the tolerance, also outside the blip's span. */
  stop: boolean;
  /** True when all the points reach the boundary but those outside the strongest `span` do not (yet). */
  heldBack: boolean;
  /** True when the candidate's mean so far is beyond the threshold (the sum is positive). */
  badSide: boolean;
  /** The candidate's change against the baseline: ratio of geometric means - 1 (log scale) or of means - 1 (raw); null without values or with a zero baseline mean. */
  change: number | null;
  /** statistic / boundary, floored at 0 and below 1 until the look stops ("evidence 0.42 of 1"). */
  evidence: number;
  /** S_t: the running sum of (value - threshold) on the test scale, each step clipped (value-test.ts). */
  statistic: number;
  /** The S_t at which this look would stop. */
  boundary: number;
  /** ln of the mixture martingale, the smaller of all points' and the points' outside the span; the look stops when it reaches ln(2 / alpha). */
  logMixture: number;
  /** Candidate values used, and those set aside (not finite, or <= 0 on the log scale). */
  values: number;
  skipped: number;
  /** Values whose step was clipped at CLIP_SDS long-run sds. */
  clipped: number;
  /** Consecutive points one blip can fill, left out for the second condition. */
  span: number;
  scale: 'log' | 'raw' | null;
  reason: string;
}

/**
 * The running evidence of the looks, one candidate value at a time: the clipped steps' sum, the
 * unclipped sum (for the change printed), and the strongest run of `span` consecutive steps.
 */
export class RunningEvidence {
  sum = 0;
  raw = 0;
  count = 0;
  skipped = 0;
  clipped = 0;
  /** The largest sum of `span` consecutive steps so far; -Infinity before `span` steps. */
  strongest = -Infinity;
  private readonly recent: number[] = [];
  private window = 0;

  constructor(
    private readonly test: ReadyValueTest,
    readonly span: number,
  ) {}

  /** Add one candidate value (in time order); values the test cannot use are counted as skipped. */
  add(v: number): void {
    const y = scaledValue(this.test, v);
    if (y === null) {
      this.skipped++;
      return;
    }
    const excess = y - this.test.threshold;
    const step = Math.min(excess, this.test.clip);
    if (excess > this.test.clip) this.clipped++;
    this.sum += step;
    this.raw += y;
    this.count++;
    this.recent.push(step);
    this.window += step;
    if (this.recent.length > this.span) this.window -= this.recent.shift() as number;
    if (this.recent.length === this.span) this.strongest = Math.max(this.strongest, this.window);
  }

  /** True when this look stops (the cheap test the replay makes after every point). */
  stops(): boolean {
    const { test } = this;
    if (!(this.sum > 0) || logNormalMixture(this.sum, this.count * test.stepVariance, test.rho) < test.logThreshold)
      return false;
    const rest = this.rest();
    return rest !== null && rest.sum > 0 && rest.logMixture >= test.logThreshold;
  }

  /** The points outside the strongest span, or null when fewer than MIN_POINTS_BEYOND_SPAN are left. */
  rest(): { sum: number; count: number; logMixture: number } | null {
    const count = this.count - this.span;
    if (count < MIN_POINTS_BEYOND_SPAN) return null;
    const sum = this.sum - this.strongest;
    return { sum, count, logMixture: logNormalMixture(sum, count * this.test.stepVariance, this.test.rho) };
  }
}

/** The look from the running evidence so far. */
export function lookFromEvidence(test: ReadyValueTest, check: ValueCheck, e: RunningEvidence): ValueLook {
  const { count } = e;
  const mean = count > 0 ? (test.sign * e.raw) / count : NaN;
  const statistic = e.sum;
  const variance = count * test.stepVariance;
  const logAll = count > 0 ? logNormalMixture(statistic, variance, test.rho) : 0;
  const boundary = normalMixtureBoundary(variance, test.rho, test.logThreshold);
  const allStop = count > 0 && statistic > 0 && logAll >= test.logThreshold;
  const rest = e.rest();
  const restStop = rest !== null && rest.sum > 0 && rest.logMixture >= test.logThreshold;
  const stop = allStop && restStop;
  const allEvidence = statistic > 0 && boundary > 0 ? statistic / boundary : allStop ? 1 : 0;
  const change =
    count === 0
      ? null
      : test.scale === 'log'
        ? Math.expm1(mean - test.baselineMean)
        : test.baselineMean !== 0
          ? mean / test.baselineMean - 1
          : null;
  const look = {
    stop,
    heldBack: allStop && !restStop,
    badSide: statistic > 0,
    change,
    evidence: stop ? Math.max(1, allEvidence) : Math.min(allEvidence, 0.99),
    statistic,
    boundary,
    logMixture: count > 0 ? Math.min(logAll, rest === null ? -Infinity : rest.logMixture) : 0,
    values: count,
    skipped: e.skipped,
    clipped: e.clipped,
    span: e.span,
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
  const clipped = look.clipped > 0 ? `; ${look.clipped} step(s) clipped at ${CLIP_SDS} sd` : '';
  const what = `${size}tolerance ${formatPercent(check.tolerance)}, ${look.values} value(s)${skipped}${clipped}`;
  const family = tests > 1 ? ` over ${tests} sequential tests` : '';
  const span = look.span > 1 ? `the strongest ${look.span} points in a row` : 'the strongest point';
  if (look.stop)
    return `anytime-valid test certain of a ${rise} beyond tolerance (${what}; sum ${formatValue(look.statistic)} >= boundary ${formatValue(look.boundary)}, and without ${span}${family})`;
  if (!look.badSide) return `no evidence of a ${rise} beyond tolerance yet (${what}${family})`;
  const held = look.heldBack ? `; not yet without ${span}, which one restart blip could fill` : '';
  return `evidence ${formatValue(Number(look.evidence.toFixed(2)))} of 1 for a ${rise} beyond tolerance (${what}${held}${family})`;
}

/** A look that can never stop: the test could not be set up on this baseline. */
export function unreadyLook(test: Extract<ValueTest, { ready: false }>, count: number, skipped: number): ValueLook {
  return {
    stop: false,
    heldBack: false,
    badSide: false,
    change: null,
    evidence: 0,
    statistic: 0,
    boundary: Infinity,
    logMixture: 0,
    values: count,
    skipped,
    clipped: 0,
    span: 1,
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
 * (already divided over the family). `horizon`: the post window's planned number of points;
 * `span`: the consecutive points one blip can fill (early-stop-watched.ts blipSpan).
 */
export function lookAtValues(
  check: ValueCheck,
  baseline: Float64Array,
  candidate: Float64Array,
  alpha: number,
  horizon = DEFAULT_HORIZON,
  span = 1,
): ValueLook {
  const test = prepareValueTest(check, baseline, alpha, horizon);
  if (!test.ready) {
    const count = candidate.filter((v) => Number.isFinite(v)).length;
    return unreadyLook(test, count, candidate.length - count);
  }
  const evidence = new RunningEvidence(test, Math.max(1, Math.floor(span)));
  for (const v of candidate) evidence.add(v);
  return lookFromEvidence(test, check, evidence);
}
