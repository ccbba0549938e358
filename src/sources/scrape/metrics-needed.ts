/** Which exposed metrics a scrape source must keep: those its checks' selectors name. */
import type { ScrapeMeasure } from './spec.js';

/** Exposed metric names read by `measures` (histograms through their `_bucket` series). */
export function metricsNeeded(measures: readonly ScrapeMeasure[]): string[] {
  const names = new Set<string>();
  for (const measure of measures) {
    if (measure.kind === 'rate') names.add(measure.series.metric);
    if (measure.kind === 'ratio') names.add(measure.numerator.metric).add(measure.denominator.metric);
    if (measure.kind === 'quantile') names.add(`${measure.histogram.metric}_bucket`);
  }
  return [...names].sort();
}
