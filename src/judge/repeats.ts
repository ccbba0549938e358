/**
 * A note when many consecutive points repeat exactly: the query's step is shorter than the scrape
 * interval (or the rule's evaluation interval), so Prometheus returns the same sample several
 * times. The autocorrelation correction already discounts such points; the note says why.
 */
import type { OrderedSample } from './stats/autocorrelation.js';
import { repeatedShare } from './stats/autocorrelation.js';

/** Above this share of repeated consecutive values the step is almost surely finer than the data. */
const REPEAT_SHARE = 0.3;

/** Notes for sides whose consecutive points repeat exactly more often than chance would. */
export function describeRepeats(baseline: OrderedSample, candidate: OrderedSample): string[] {
  const share = Math.max(repeatedShare(baseline.ordered), repeatedShare(candidate.ordered));
  if (share < REPEAT_SHARE) return [];
  return [
    `${Math.round(share * 100)}% of consecutive points repeat the previous value exactly: the step is probably shorter than the scrape interval or the rate() range; they were counted as fewer effective samples`,
  ];
}
