/**
 * The change a look shows, and the change a series stopped early reports: the fixed-window
 * judge's own estimate (the relativeChange of its verdict, classifySeries or classifyCountSeries)
 * on the data the look read. One function for the same data, so the progress line, the stopped
 * series and the verdict never give two numbers for one series; while the post window fills the
 * number is provisional, and the progress line says so.
 */
import { classifySeries } from '../judge/classify-series.js';
import { classifyCountSeries } from '../judge/count/classify-counts.js';
import { formatChange } from '../judge/wording.js';
import type { CheckSpec } from '../spec-model.js';
import type { WatchedPair } from './early-stop-pairs.js';

/** The relative change the verdict would report for this pair's data; null when it reports none. */
export function judgedChange(check: CheckSpec, pair: WatchedPair): number | null {
  if (pair.kind === 'count')
    return classifyCountSeries(check, pair.labels, pair.counts.baseline, pair.counts.candidate).relativeChange;
  const points = { labels: pair.labels, baseline: [...pair.baseline], candidate: [...pair.candidate] };
  return classifySeries(check, points, 'before-after').relativeChange;
}

/** "+4.0% (provisional)", or why there is no estimate yet. */
export function describeProvisionalChange(change: number | null): string {
  return change === null ? 'no estimate yet (provisional)' : `${formatChange(change)} (provisional)`;
}
