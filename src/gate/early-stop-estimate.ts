/**
 * The change a look shows, and the change a series stopped early reports: the estimate the
 * fixed-window judge reports as its verdict's relativeChange, from the same functions on the data
 * the look read (compareSamples for values, as classifySeries calls it; compareCounts on the
 * summed steps for counts, as classifyCountSeries does). One estimate for the same data, so the
 * progress line, the stopped series and the verdict never give two numbers for one series. The
 * verdict withholds it below minSamples; a look or a stop does not (a regression certain after 3
 * values still says by how much). While the post window fills the number is provisional, and the
 * progress line says so.
 */
import { cleanPoints } from '../judge/clean.js';
import { compareSamples } from '../judge/compare.js';
import { compareCounts } from '../judge/count/compare-counts.js';
import { sumSteps } from '../judge/count/count-series.js';
import { formatChange } from '../judge/wording.js';
import type { CheckSpec } from '../spec-model.js';
import type { WatchedPair } from './early-stop-pairs.js';

/** The relative change the verdict would report for this pair's data; null when it has none. */
export function judgedChange(check: CheckSpec, pair: WatchedPair): number | null {
  if (pair.kind === 'count') {
    const baseline = sumSteps(pair.counts.baseline);
    const candidate = sumSteps(pair.counts.candidate);
    if (!(baseline.trials > 0 && candidate.trials > 0)) return null;
    return compareCounts(baseline, candidate, check).relativeChange;
  }
  const baseline = cleanPoints(pair.baseline);
  const candidate = cleanPoints(pair.candidate);
  // Two values a side at least: the estimate's autocorrelation step needs a pair.
  if (baseline.sorted.length < 2 || candidate.sorted.length < 2) return null;
  return compareSamples(baseline, candidate, check).relativeChange;
}

/** "+4.0% (provisional)", or that there is no estimate yet. */
export function describeProvisionalChange(change: number | null): string {
  return change === null ? 'no estimate yet (provisional)' : `${formatChange(change)} (provisional)`;
}
