/** Describe the series a probe read: counts, points per series, NaN and ±Inf shares, and what is wrong. */
import type { Series, TimeRange } from '../types.js';

export interface SeriesSummary {
  series: number;
  points: { min: number; max: number; expected: number } | null;
  nanShare: number | null;
  infiniteShare: number | null;
  problems: string[];
  /** Data came back, but a series holds fewer usable points than a verdict needs. */
  sparse: boolean;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Summarize `series` read over `range`; `minSamples` is what the check needs per side. */
export function summarizeSeries(series: Series[], range: TimeRange, minSamples: number): SeriesSummary {
  const expected = Math.floor((range.end - range.start) / range.step) + 1;
  if (series.length === 0) {
    return {
      series: 0,
      points: null,
      nanShare: null,
      infiniteShare: null,
      problems: [
        'no series over the range: check the metric name and label values (an empty result is not an error to Prometheus)',
      ],
      sparse: false,
    };
  }
  const counts = series.map((s) => s.points.length);
  const values = series.flatMap((s) => s.points.map((p) => p.v));
  const nan = values.filter(Number.isNaN).length;
  const infinite = values.filter((v) => v === Infinity || v === -Infinity).length;
  const problems: string[] = [];
  const nanShare = values.length > 0 ? nan / values.length : null;
  const infiniteShare = values.length > 0 ? infinite / values.length : null;
  if (values.length === 0)
    problems.push(
      'the series hold no points over the range: the metric stopped, or the range is shorter than its scrape interval',
    );
  if (nanShare !== null && nanShare > 0) {
    problems.push(
      `${percent(nanShare)} of the points are NaN (histogram_quantile or a ratio with no traffic): such points are not judged`,
    );
  }
  if (infiniteShare !== null && infiniteShare > 0) {
    problems.push(`${percent(infiniteShare)} of the points are ±Inf (a division by zero?): such points are not judged`);
  }
  const usableMin = Math.min(...series.map((s) => s.points.filter((p) => Number.isFinite(p.v)).length));
  const sparse = usableMin < Math.min(minSamples, expected);
  if (values.length > 0 && sparse) {
    problems.push(
      `a series has only ${usableMin} usable points over the range (the check needs ${minSamples} per window): is the metric scraped regularly?`,
    );
  }
  return {
    series: series.length,
    points: { min: Math.min(...counts), max: Math.max(...counts), expected },
    nanShare,
    infiniteShare,
    problems,
    sparse,
  };
}
