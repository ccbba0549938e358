/**
 * How a check compares: `before-after` reads one query before and after the deploy; `canary` reads
 * a baseline and a candidate query over the same post window. The plan decides it, the judge uses it.
 */
export type CheckMode = 'before-after' | 'canary';

/**
 * The seconds between a candidate point and the baseline point it pairs with when the two sides
 * share time: 0 for a canary (both queries read the same window), `baseline.offset` for a
 * before/after check with a seasonal baseline; null when they do not (a plain before/after check).
 */
export function pairingOffset(mode: CheckMode, offset?: number): number | null {
  if (mode === 'canary') return 0;
  return offset ?? null;
}
