/**
 * The statistical comparison of one series: Mann-Whitney in the check's direction with the
 * tolerance as the null, and the Hodges-Lehmann shift for "how large", both widened for the
 * autocorrelation of the points (stats/autocorrelation.ts): n points of a range query are worth
 * n_eff <= n independent samples.
 *
 * The tolerance is part of the null: a check for increases fails only when the data show, at the
 * check's confidence, a change beyond the tolerance, i.e. when the one-sided (1 - alpha) lower
 * bound of the relative change lies above it. The test is Mann-Whitney on the candidate rescaled
 * by the tolerance: for positive data on the log scale (candidate / (1 + tolerance) against the
 * baseline: ranks keep their robustness to heavy tails, and a relative change is a shift of logs),
 * otherwise as a shift of tolerance x |baseline median|. The interval printed is the one the test
 * inverts: two-sided at 1 - 2 alpha for `increase` / `decrease` (its bad-side end is the one-sided
 * bound), at 1 - alpha for `either` (two one-sided tests at alpha / 2). A FAIL therefore never
 * prints an interval that includes 0 or the tolerance.
 *
 * The old rule (p < alpha against no change AND a point estimate beyond the tolerance) failed a
 * true change exactly at the tolerance 29-48% of the time.
 */
import type { CheckSpec } from '../spec-model.js';
import type { Direction } from '../types.js';
import { estimateInflation, type Inflation, type OrderedSample } from './stats/autocorrelation.js';
import { meanOf, quantileSorted } from './stats/describe.js';
import { hodgesLehmannSorted } from './stats/hodges-lehmann.js';
import {
  intervalMultiplier,
  mannWhitneyInflated,
  smallestInflatedPValue,
  uVarianceMultiplier,
} from './stats/mann-whitney-dependent.js';
import type { Alternative } from './stats/mann-whitney.js';
import {
  alphaOf,
  decidedOutcome,
  describeOutcome,
  isBadSign,
  isBeyond,
  pInDirectionOf,
  type ComparisonOutcome,
} from './decide.js';
import { formatChange, formatValue } from './wording.js';

/** The outcome of the statistical comparison of one series, with its reason in words. */
export interface Comparison extends ComparisonOutcome {
  /** The autocorrelation estimate behind the effective sample sizes [baseline, candidate]. */
  inflation: Inflation;
}

const ALTERNATIVE: Record<Direction, Alternative> = { increase: 'greater', decrease: 'less', either: 'two-sided' };

/** |baseline median|, else |baseline mean|, else null: what a relative change is relative to. */
export function baselineScale(baseline: Float64Array): number | null {
  const median = Math.abs(quantileSorted(baseline, 0.5));
  if (median > 0) return median;
  const mean = Math.abs(meanOf(baseline));
  return mean > 0 ? mean : null;
}

/**
 * How the test reads a relative change r. Positive data: on the log scale, candidate / (1 + r)
 * against the baseline, sized by Hodges-Lehmann on the logs. Non-negative data with zeros (error
 * ratios): the same rescaling of the candidate (zeros stay zeros, so the null is "the candidate's
 * values are at most (1 + r) times the baseline's"), sized by the Hodges-Lehmann shift or, when
 * most pairs tie at 0, the difference of means, and the interval by inverting the test. Data with
 * negative values: a shift of r x |baseline median|.
 */
export type Model = 'log' | 'ratio' | 'shift';

export function modelOf(baseline: Float64Array, candidate: Float64Array): Model {
  const least = Math.min(baseline[0]!, candidate[0]!);
  return least > 0 ? 'log' : least === 0 ? 'ratio' : 'shift';
}

const transform = (values: Float64Array, f: (v: number) => number): Float64Array => values.map(f);

/** The candidate as the test sees it when the true relative change is `r` (null when no such change is possible). */
function rescaled(model: Model, candidate: Float64Array, r: number, scale: number | null): Float64Array | null {
  if (model === 'log') return r <= -1 ? null : transform(candidate, (v) => v - Math.log1p(r));
  if (model === 'ratio') return r <= -1 ? null : r === 0 ? candidate : transform(candidate, (v) => v / (1 + r));
  return scale === null || r === 0 ? candidate : transform(candidate, (v) => v - r * scale);
}

/** The two-sided confidence of the interval the test inverts: 1 - 2 alpha for one-sided checks, 1 - alpha for `either`. */
export function intervalConfidenceOf(confidence: number, direction: Direction): number {
  return direction === 'either' ? confidence : Number((1 - 2 * alphaOf(confidence)).toPrecision(12));
}

/** The size of a change: `shift` is Hodges-Lehmann, `mean` the difference of means. */
interface Effect {
  label: 'shift' | 'mean';
  shift: number;
  relative: number | null;
  interval: [number, number] | null;
}

function describeEffect({ label, shift, relative, interval }: Effect): string {
  if (relative === null) return `${label} ${shift > 0 ? '+' : ''}${formatValue(shift)} from a baseline of 0`;
  const range = interval ? ` [${formatChange(interval[0])}, ${formatChange(interval[1])}]` : '';
  return `${label} ${formatChange(relative)}${range}`;
}

/** Below this variance multiplier the autocorrelation is not worth a clause in the reason (it is still applied). */
const MENTION_MULTIPLIER = 1.25;

function describeDependence(inflation: Inflation, n: number, m: number, multiplier: number): string {
  if (!(multiplier >= MENTION_MULTIPLIER)) return '';
  const [nb, nc] = inflation.nEffective.map((v) => formatValue(Number(v.toPrecision(2)))) as [string, string];
  const phi = formatValue(Number(inflation.phi.toPrecision(2)));
  const what =
    inflation.basis === 'borrowed'
      ? `window too short to estimate how persistent the points are, lag-1 ${phi} assumed`
      : `points autocorrelated (lag-1 ${phi})`;
  return `; ${what}: effective n ${nb} of ${n} and ${nc} of ${m}`;
}

/** The test of "the candidate is beyond a relative change r" against the baseline, one direction. */
type Tester = (r: number, alternative: 'greater' | 'less') => number;

/** The relative change where `p` (monotone in r) crosses `level`, by bisection on log(1 + r); +-Infinity / -1 when it never does. */
function invert(p: (r: number) => number, level: number, increasing: boolean): number {
  const at = (x: number): number => p(Math.expm1(x));
  let lo = -20;
  let hi = 20;
  const below = (x: number): boolean => at(x) < level === increasing;
  if (!below(lo)) return -1;
  if (below(hi)) return Infinity;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return Math.expm1((lo + hi) / 2);
}

/** The size of the change and the interval the test inverts, at two-sided `confidence`; the sides are on the test's scale (logs for model 'log'). */
function measureEffect(
  model: Model,
  baseline: Float64Array,
  candidate: Float64Array,
  confidence: number,
  multiplier: number,
  test: Tester,
): Effect {
  if (model === 'log') {
    // baseline and candidate are already logs here.
    const hl = hodgesLehmannSorted(baseline, candidate, confidence, multiplier);
    return {
      label: 'shift',
      shift: hl.estimate,
      relative: Math.expm1(hl.estimate),
      interval: [Math.expm1(hl.lower), Math.expm1(hl.upper)],
    };
  }
  const scale = baselineScale(baseline);
  const hl = hodgesLehmannSorted(baseline, candidate, confidence, multiplier);
  const relative = (v: number): number | null => (scale === null ? null : v / scale);
  if (model === 'shift') {
    const interval: [number, number] | null = scale === null ? null : [hl.lower / scale, hl.upper / scale];
    return { label: 'shift', shift: hl.estimate, relative: relative(hl.estimate), interval };
  }
  // Mostly zeros: the median pairwise difference is 0 while the share of non-zero points moves.
  const mean = meanOf(candidate) - meanOf(baseline);
  const [label, shift] =
    hl.estimate === 0 && mean !== 0 ? (['mean', mean] as const) : (['shift', hl.estimate] as const);
  if (scale === null) return { label, shift, relative: null, interval: null };
  const tail = (1 - confidence) / 2;
  const lower = invert((r) => test(r, 'greater'), tail, true);
  const upper = invert((r) => test(r, 'less'), tail, false);
  const interval: [number, number] | null = Number.isFinite(upper) ? [lower, upper] : null;
  return { label, shift, relative: relative(shift), interval };
}

/** Test and size the change of candidate against baseline (both cleaned, with finite values). */
export function compareSamples(
  baseline: OrderedSample,
  candidate: OrderedSample,
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence'>,
): Comparison {
  const alpha = alphaOf(check.confidence);
  const alternative = ALTERNATIVE[check.direction];
  const n = baseline.sorted.length;
  const m = candidate.sorted.length;
  const inflation = estimateInflation([baseline, candidate]);
  const multiplier = uVarianceMultiplier(m, n, inflation.factors[1]!, inflation.factors[0]!);
  const df = inflation.degreesOfFreedom;
  const model = modelOf(baseline.sorted, candidate.sorted);
  const scale = baselineScale(baseline.sorted);
  const b = model === 'log' ? transform(baseline.sorted, Math.log) : baseline.sorted;
  const c = model === 'log' ? transform(candidate.sorted, Math.log) : candidate.sorted;
  const test: Tester = (r, side) => {
    const moved = rescaled(model, c, r, scale);
    return moved === null ? 1 : mannWhitneyInflated(moved, b, side, multiplier, df).pValue;
  };
  const up = (): number => test(check.tolerance, 'greater');
  const down = (): number => test(-check.tolerance, 'less');
  const pValue = pInDirectionOf(up, down, check.direction);
  const significant = pValue < alpha;
  const intervalConfidence = intervalConfidenceOf(check.confidence, check.direction);
  const widened = intervalMultiplier(multiplier, df, intervalConfidence);
  const effect = measureEffect(model, b, c, intervalConfidence, widened, test);
  const stats = {
    pValue,
    relativeChange: effect.relative,
    relativeChangeInterval: effect.interval,
    intervalConfidence,
    inflation,
  };
  const size = describeEffect(effect);
  const dependence = describeDependence(inflation, n, m, multiplier);

  const floor = smallestInflatedPValue(n, m, alternative, multiplier, df);
  if (floor >= alpha) {
    const needs = `the smallest possible p is ${formatValue(floor)} (needs < ${formatValue(alpha)})`;
    if (inflation.basis === 'borrowed') {
      const persistence = formatValue(inflation.phi);
      const reason = `${size}; too short to tell slow wandering from a shift: ${n} + ${m} points cannot show how persistent the series is, and with lag-1 ${persistence} assumed ${needs}; a longer window decides`;
      return { ...stats, decidable: false, regressed: false, rule: 'window-too-short', reason };
    }
    const values = multiplier > 1 + 1e-9 ? `effective samples (${n} and ${m} points)` : `${n} and ${m} values`;
    const reason = `${size}; too few samples for the test: with ${values} ${needs}${dependence}`;
    return { ...stats, decidable: false, regressed: false, rule: 'too-few-effective-samples', reason };
  }
  const badSign = isBadSign(effect.shift, check.direction);
  // With a zero baseline no relative change exists: any significant shift the bad way counts.
  const beyond = badSign && (effect.relative === null || isBeyond(effect.relative, check.tolerance, check.direction));
  const outcome = describeOutcome({
    significant,
    beyond,
    badSign,
    pValue,
    alpha,
    tolerance: check.tolerance,
    nullAtTolerance: true,
  });
  return decidedOutcome(stats, size, outcome, dependence);
}
