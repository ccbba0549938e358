/**
 * The hook of the paired comparison in the series classifier: pair the points, judge the pairs,
 * or say why the sides were compared as independent samples instead.
 */
import type { CheckSpec } from '../../spec-model.js';
import { formatDuration } from '../../time/duration.js';
import { MIN_PAIRS as NEIGHBOURS } from '../stats/long-run-variance.js';
import { comparePaired, type PairedComparison } from './compare-paired.js';
import { pairByTime, type TimedValues } from './pair-by-time.js';

/**
 * Fewer pairs than this cannot estimate their own autocorrelation (the long-run variance needs
 * MIN_PAIRS neighbouring pairs, and would borrow a conservative persistence below): the sides are
 * compared unpaired, where both windows together can estimate it.
 */
export const MIN_PAIRS = NEIGHBOURS + 1;

/** The paired comparison, or why there is none. */
export type PairedOutcome = { paired: PairedComparison } | { unpaired: string };

/** "each post point with the baseline point 1d earlier" / "each candidate point with the baseline point at the same time". */
function describeOffset(offset: number): string {
  return offset === 0
    ? 'candidate and baseline points at the same time'
    : `each post point with the baseline point ${formatDuration(offset)} earlier`;
}

/** Judge baseline and candidate by pairs `offset` seconds apart, when enough of the post window pairs. */
export function judgePaired(
  baseline: TimedValues,
  candidate: TimedValues,
  offset: number,
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence' | 'minSamples'>,
): PairedOutcome {
  const found = pairByTime(baseline, candidate, offset);
  if ('unpaired' in found) return { unpaired: `not paired by timestamp: ${found.unpaired}` };
  const count = found.pairs.candidate.length;
  const need = Math.max(MIN_PAIRS, check.minSamples, Math.ceil(candidate.times.length / 2));
  if (count < need) {
    return {
      unpaired:
        `not paired by timestamp: only ${count} of ${candidate.times.length} candidate points have a baseline point ` +
        `(${describeOffset(offset)}); pairing needs ${need} (at least ${MIN_PAIRS} and half of them), so the windows were compared as independent samples`,
    };
  }
  const head = `paired by timestamp (${count} pairs)${offset === 0 ? '' : `, baseline ${formatDuration(offset)} earlier`}`;
  return { paired: comparePaired(found.pairs, check, head) };
}
