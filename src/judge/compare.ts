/**
 * The statistical comparison of one series: Mann-Whitney in the check's direction for "is there a
 * change", the Hodges-Lehmann shift for "how large", relative to the baseline's median.
 *
 * A regression needs both: p < 1 - confidence AND a relative change beyond `tolerance` in the bad
 * direction. Significance alone fails nobody over a 0.5% drift on 10,000 points; size alone fails
 * nobody over noise on 5 points.
 */
import type { CheckSpec } from '../spec/types.js';
import type { Direction } from '../types.js';
import { meanOf, quantileSorted } from './stats/describe.js';
import { hodgesLehmannSorted } from './stats/hodges-lehmann.js';
import { mannWhitneySorted, smallestPossiblePValue, type Alternative } from './stats/mann-whitney.js';
import { formatChange, formatP, formatPercent, formatValue } from './wording.js';

/** The outcome of the statistical comparison of one series, with its reason in words. */
export interface Comparison {
  /** False when the samples are too small for any p below 1 - confidence: nothing was decided. */
  decidable: boolean;
  pValue: number;
  relativeChange: number | null;
  relativeChangeInterval: [number, number] | null;
  regressed: boolean;
  reason: string;
}

const ALTERNATIVE: Record<Direction, Alternative> = { increase: 'greater', decrease: 'less', either: 'two-sided' };

function isBadSign(shift: number, direction: Direction): boolean {
  return direction === 'increase' ? shift > 0 : direction === 'decrease' ? shift < 0 : shift !== 0;
}

function isBeyond(relative: number, tolerance: number, direction: Direction): boolean {
  if (direction === 'increase') return relative > tolerance;
  return direction === 'decrease' ? relative < -tolerance : Math.abs(relative) > tolerance;
}

/** |baseline median|, else |baseline mean|, else null: what a relative change is relative to. */
function baselineScale(baseline: Float64Array): number | null {
  const median = Math.abs(quantileSorted(baseline, 0.5));
  if (median > 0) return median;
  const mean = Math.abs(meanOf(baseline));
  return mean > 0 ? mean : null;
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
): { label: Effect['label']; shift: number; shiftInterval: [number, number] | null } {
  const hl = hodgesLehmannSorted(baseline, candidate, confidence);
  if (hl.estimate === 0 && significant) return { label: 'mean', shift: meanOf(candidate) - meanOf(baseline), shiftInterval: null };
  return { label: 'shift', shift: hl.estimate, shiftInterval: [hl.lower, hl.upper] };
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

/** Test and size the change of candidate against baseline (both sorted, finite, non-empty). */
export function compareSamples(
  baseline: Float64Array,
  candidate: Float64Array,
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence'>,
): Comparison {
  // 1 - 0.95 is 0.050000000000000044 in binary, which would let an exact p of 0.05 count.
  const alpha = Number((1 - check.confidence).toPrecision(12));
  const alternative = ALTERNATIVE[check.direction];
  const { pValue } = mannWhitneySorted(candidate, baseline, alternative);
  const significant = pValue < alpha;
  const { label, shift, shiftInterval } = measureEffect(baseline, candidate, check.confidence, significant);
  const scale = baselineScale(baseline);
  const effect: Effect = {
    label,
    shift,
    relative: scale === null ? null : shift / scale,
    interval: scale === null || shiftInterval === null ? null : [shiftInterval[0] / scale, shiftInterval[1] / scale],
  };
  const stats = { pValue, relativeChange: effect.relative, relativeChangeInterval: effect.interval };
  const size = describeEffect(effect);
  const p = formatP(pValue);

  const floor = smallestPossiblePValue(baseline.length, candidate.length, alternative);
  if (floor >= alpha) {
    const why = `with ${baseline.length} and ${candidate.length} values the smallest possible p is ${formatValue(floor)}`;
    return { ...stats, decidable: false, regressed: false, reason: `${size}; too few samples for the test: ${why} (needs < ${formatValue(alpha)})` };
  }
  const badSign = isBadSign(effect.shift, check.direction);
  // With a zero baseline no relative change exists: any significant shift the bad way counts.
  const beyond = badSign && (effect.relative === null || isBeyond(effect.relative, check.tolerance, check.direction));
  const tolerance = formatPercent(check.tolerance);
  const outcome =
    significant && beyond
      ? `beyond tolerance ${tolerance} (${p})`
      : !significant
        ? `not significant (${p}, needs < ${formatValue(alpha)})`
        : !badSign
          ? `not a change in the bad direction (${p})`
          : `within tolerance ${tolerance} (${p})`;
  return { ...stats, decidable: true, regressed: significant && beyond, reason: `${size}, ${outcome}` };
}
