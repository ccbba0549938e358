/** Absolute bounds (`max`, `min`) on the candidate's aggregate: they fail whatever the test says. */
import type { CheckSpec } from '../spec-model.js';
import { aggregateSorted } from './stats/describe.js';
import { formatValue } from './wording.js';

/** The reason the candidate breaks `max` or `min`, or null when it keeps within them (or has none). */
export function findBoundViolation(
  candidate: Float64Array,
  check: Pick<CheckSpec, 'max' | 'min' | 'aggregate'>,
): string | null {
  if (check.max === undefined && check.min === undefined) return null;
  const value = aggregateSorted(candidate, check.aggregate);
  if (value === null) return null;
  if (check.max !== undefined && value > check.max) {
    return `${check.aggregate} ${formatValue(value)} above max ${formatValue(check.max)}`;
  }
  if (check.min !== undefined && value < check.min) {
    return `${check.aggregate} ${formatValue(value)} below min ${formatValue(check.min)}`;
  }
  return null;
}

/** A short note that the bounds held, for reasons that are decided by something else. */
export function describeBoundsHeld(
  candidate: Float64Array,
  check: Pick<CheckSpec, 'max' | 'min' | 'aggregate'>,
): string {
  const value = aggregateSorted(candidate, check.aggregate);
  if (value === null) return '';
  const limits = [
    check.max !== undefined ? `max ${formatValue(check.max)}` : '',
    check.min !== undefined ? `min ${formatValue(check.min)}` : '',
  ];
  const text = limits.filter(Boolean).join(', ');
  return text === '' ? '' : `; ${check.aggregate} ${formatValue(value)} within ${text}`;
}
