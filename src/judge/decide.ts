/** The decision rules shared by the point and the count comparisons, and their wording. */
import type { DecisionRule, Direction, PFrame } from '../types.js';
import { formatP, formatPercent, formatValue } from './wording.js';

/** alpha = 1 - confidence, rounded: 1 - 0.95 is 0.050000000000000044 in binary, which would let an exact p of 0.05 count. */
export function alphaOf(confidence: number): number {
  return Number((1 - confidence).toPrecision(12));
}

/** True when the change has the sign the check calls bad. */
export function isBadSign(shift: number, direction: Direction): boolean {
  return direction === 'increase' ? shift > 0 : direction === 'decrease' ? shift < 0 : shift !== 0;
}

/** True when a relative change exceeds the tolerance in the bad direction. */
export function isBeyond(relative: number, tolerance: number, direction: Direction): boolean {
  if (direction === 'increase') return relative > tolerance;
  return direction === 'decrease' ? relative < -tolerance : Math.abs(relative) > tolerance;
}

/** What the test and the effect size say together. */
/** What a statistical comparison of one series decided (points and counts alike), with its reason. */
export interface ComparisonOutcome {
  /** False when the samples are too small for any p below 1 - confidence: nothing was decided. */
  decidable: boolean;
  pValue: number;
  relativeChange: number | null;
  relativeChangeInterval: [number, number] | null;
  /** Two-sided confidence of relativeChangeInterval: 1 - 2 alpha for one-sided checks (its bad-side end is the test's bound), 1 - alpha for `either`. */
  intervalConfidence?: number;
  regressed: boolean;
  rule: DecisionRule;
  reason: string;
  /** Set when `reason` quotes the p-value: the words around it (SeriesResult.pFrame). */
  pFrame?: PFrame;
}

export interface OutcomeInput {
  significant: boolean;
  beyond: boolean;
  badSign: boolean;
  pValue: number;
  alpha: number;
  tolerance: number;
  /**
   * True when the p-value tests the tolerance edge itself (value checks): significant then means
   * "beyond the tolerance", and a pass says whether the estimate lies inside the tolerance or only
   * its bound does not clear it.
   */
  nullAtTolerance?: boolean;
}

/** `frame` with `prefix` and `suffix` added around it, as a reason composed around another is. */
export function framePValue(prefix: string, frame: PFrame | undefined, suffix: string): { pFrame?: PFrame } {
  return frame === undefined ? {} : { pFrame: { before: prefix + frame.before, after: frame.after + suffix } };
}

/** The rule and its words: a regression needs significance AND a change beyond the tolerance the bad way. */
export function describeOutcome({
  significant,
  beyond,
  badSign,
  pValue,
  alpha,
  tolerance,
  nullAtTolerance = false,
}: OutcomeInput): {
  rule: DecisionRule;
  text: string;
  pFrame: PFrame;
} {
  const tol = formatPercent(tolerance);
  const worded = (rule: DecisionRule, before: string, after: string) => ({
    rule,
    text: `${before}(${formatP(pValue)}${after}`,
    pFrame: { before, after },
  });
  if (significant && beyond) return worded('beyond-tolerance', `beyond tolerance ${tol} `, ')');
  // Against the tolerance edge: an estimate the bad way but inside the tolerance is within it, whatever its p.
  if (nullAtTolerance && !significant && badSign && !beyond)
    return worded('within-tolerance', `within tolerance ${tol} `, ')');
  if (!significant) return worded('not-significant', 'not significant ', `, needs < ${formatValue(alpha)})`);
  if (!badSign) return worded('not-bad-direction', 'not a change in the bad direction ', ')');
  return worded('within-tolerance', `within tolerance ${tol} `, ')');
}

/** The one-sided p in the check's direction from the p of a rise and of a fall (two-sided: twice the smaller). */
export function pInDirection(pUp: number, pDown: number, direction: Direction): number {
  return pInDirectionOf(
    () => pUp,
    () => pDown,
    direction,
  );
}

/** pInDirection for tests that cost a pass over the data each: only the side the direction reads is computed. */
export function pInDirectionOf(up: () => number, down: () => number, direction: Direction): number {
  if (direction === 'increase') return up();
  if (direction === 'decrease') return down();
  return Math.min(1, 2 * Math.min(up(), down()));
}

/** A decided comparison: its statistics, and the reason worded as `<size>, <outcome><suffix>`. */
export function decidedOutcome<S extends object>(
  stats: S,
  size: string,
  outcome: { rule: DecisionRule; text: string; pFrame: PFrame },
  suffix = '',
): S & Pick<ComparisonOutcome, 'decidable' | 'regressed' | 'rule' | 'reason' | 'pFrame'> {
  return {
    ...stats,
    decidable: true,
    regressed: outcome.rule === 'beyond-tolerance',
    rule: outcome.rule,
    reason: `${size}, ${outcome.text}${suffix}`,
    ...framePValue(`${size}, `, outcome.pFrame, suffix),
  };
}
