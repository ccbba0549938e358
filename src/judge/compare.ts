/**
 * The statistical comparison of one series: Mann-Whitney in the check's direction for "is there a
 * change", the Hodges-Lehmann shift for "how large", relative to the baseline's median. Both are
 * widened for the autocorrelation of the points (stats/autocorrelation.ts): n points of a range
 * query are worth n_eff <= n independent samples.
 *
 * A regression needs both: p < 1 - confidence AND a relative change beyond `tolerance` in the bad
 * direction. Significance alone fails nobody over a 0.5% drift on 10,000 points; size alone fails
 * nobody over noise on 5 points.
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
import { alphaOf, describeOutcome, framePValue, isBadSign, isBeyond, type ComparisonOutcome } from './decide.js';
import { formatChange, formatValue } from './wording.js';

/** The outcome of the statistical comparison of one series, with its reason in words. */
export interface Comparison extends ComparisonOutcome {
  /** The autocorrelation estimate behind the effective sample sizes [baseline, candidate]. */
  inflation: Inflation;
}

const ALTERNATIVE: Record<Direction, Alternative> = { increase: 'greater', decrease: 'less', either: 'two-sided' };

/** |baseline median|, else |baseline mean|, else null: what a relative change is relative to. */
function baselineScale(baseline: Float64Array): number | null {
  const median = Math.abs(quantileSorted(baseline, 0.5));
  if (median > 0) return median;
  const mean = Math.abs(meanOf(baseline));
  return mean > 0 ? mean : null;
}

/** The size of a change: `shift` is Hodges-Lehmann, `mean` the difference of means. */
interface Effect {
  label: 'shift' | 'mean';
  shift: number;
  relative: number | null;
  interval: [number, number] | null;
}

/**
 * The effect size: the Hodges-Lehmann shift, except when it is exactly 0 while the test is
 * significant, which happens with mostly-zero data (error ratios): then the difference of means.
 */
function measureEffect(
  baseline: Float64Array,
  candidate: Float64Array,
  confidence: number,
  significant: boolean,
  multiplier: number,
): Effect {
  const hl = hodgesLehmannSorted(baseline, candidate, confidence, multiplier);
  const scale = baselineScale(baseline);
  const relative = (v: number): number | null => (scale === null ? null : v / scale);
  if (hl.estimate === 0 && significant) {
    const shift = meanOf(candidate) - meanOf(baseline);
    return { label: 'mean', shift, relative: relative(shift), interval: null };
  }
  const interval: [number, number] | null = scale === null ? null : [hl.lower / scale, hl.upper / scale];
  return { label: 'shift', shift: hl.estimate, relative: relative(hl.estimate), interval };
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
  return `; points autocorrelated (lag-1 ${formatValue(Number(inflation.phi.toPrecision(2)))}): effective n ${nb} of ${n} and ${nc} of ${m}`;
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
  const { pValue } = mannWhitneyInflated(candidate.sorted, baseline.sorted, alternative, multiplier, df);
  const significant = pValue < alpha;
  const effect = measureEffect(
    baseline.sorted,
    candidate.sorted,
    check.confidence,
    significant,
    intervalMultiplier(multiplier, df, check.confidence),
  );
  const stats = { pValue, relativeChange: effect.relative, relativeChangeInterval: effect.interval, inflation };
  const size = describeEffect(effect);
  const dependence = describeDependence(inflation, n, m, multiplier);

  const floor = smallestInflatedPValue(n, m, alternative, multiplier, df);
  if (floor >= alpha) {
    const values = multiplier > 1 + 1e-9 ? `effective samples (${n} and ${m} points)` : `${n} and ${m} values`;
    const why = `with ${values} the smallest possible p is ${formatValue(floor)}`;
    const reason = `${size}; too few samples for the test: ${why} (needs < ${formatValue(alpha)})${dependence}`;
    return { ...stats, decidable: false, regressed: false, rule: 'too-few-effective-samples', reason };
  }
  const badSign = isBadSign(effect.shift, check.direction);
  // With a zero baseline no relative change exists: any significant shift the bad way counts.
  const beyond = badSign && (effect.relative === null || isBeyond(effect.relative, check.tolerance, check.direction));
  const outcome = describeOutcome({ significant, beyond, badSign, pValue, alpha, tolerance: check.tolerance });
  return {
    ...stats,
    decidable: true,
    regressed: outcome.rule === 'beyond-tolerance',
    rule: outcome.rule,
    reason: `${size}, ${outcome.text}${dependence}`,
    ...framePValue(`${size}, `, outcome.pFrame, dependence),
  };
}
