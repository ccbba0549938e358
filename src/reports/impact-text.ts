/**
 * A series' impact in words, for every report format (the JSON report carries the numbers as
 * `impact`). Shown for series that did not pass: that is where "how many were affected" is asked.
 *   about 340 more events than the baseline rate predicts (95% CI 280 to 410; 1200 events, 860 expected)
 *   8 of 21 post-window points (38%) above the baseline's p95 0.42 (about 5% with no change; points are per-step query values, not requests)
 */
import type { Impact, SeriesResult } from '../types.js';
import { formatNumber } from './format.js';

/** Whole events: an excess of 339.6 reads "about 340". */
function count(value: number): string {
  return formatNumber(Math.round(value));
}

/** The impact sentence. */
export function describeImpact(impact: Impact): string {
  if (impact.kind === 'share-above-baseline-p95') {
    const share = `${formatNumber(Number((impact.share * 100).toPrecision(3)))}%`;
    return `${impact.above} of ${impact.points} post-window points (${share}) above the baseline's p95 ${formatNumber(impact.threshold)} (about 5% with no change; points are per-step query values, not requests)`;
  }
  const { excess, interval } = impact;
  const more = excess >= 0 ? 'more' : 'fewer';
  const level = `${formatNumber(Number((impact.confidence * 100).toPrecision(3)))}% CI`;
  return `about ${count(Math.abs(excess))} ${more} events than the baseline rate predicts (${level} ${count(interval[0])} to ${count(interval[1])}; ${count(impact.events)} events, ${count(impact.expected)} expected)`;
}

/** The impact line of a series, or null when it has none or passed. */
export function impactLine(series: SeriesResult): string | null {
  return series.impact === undefined || series.verdict === 'pass' ? null : `impact: ${describeImpact(series.impact)}`;
}
