/** Which exposed metrics a scrape source must keep: those its checks' selectors name. */
import type { CheckSpec } from '../../spec-model.js';

/** Exposed metric names read by the checks on `source` (histograms through their `_bucket` series). */
export function metricsForSource(checks: readonly CheckSpec[], source: string): string[] {
  const names = new Set<string>();
  for (const check of checks) {
    const probe = check.probe;
    if (check.source !== source || probe === undefined) continue;
    if (probe.kind === 'rate') names.add(probe.series.metric);
    if (probe.kind === 'ratio') names.add(probe.numerator.metric).add(probe.denominator.metric);
    if (probe.kind === 'quantile') names.add(`${probe.histogram.metric}_bucket`);
  }
  return [...names].sort();
}
