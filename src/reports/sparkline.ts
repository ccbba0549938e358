/**
 * Sparklines for the terminal: a series' judged points as one line of block glyphs, baseline and
 * candidate drawn on one shared scale so that a jump between them is visible at a glance.
 */
import type { Point } from '../types.js';

/** Eight levels, lowest first. The ASCII ramp starts with a visible `_` so a gap (space) stays distinct. */
const UNICODE_LEVELS = '▁▂▃▄▅▆▇█';
const ASCII_LEVELS = '_.:-=+*#';
/** A bucket with no finite value (all NaN or ±Inf, which the judge drops too). */
const GAP = ' ';

/** The value range both sides are drawn on. */
export interface SparkScale {
  min: number;
  max: number;
}

/**
 * The median of each consecutive run of `size` points (the last run may be shorter); a run with no
 * finite value is NaN. Medians, like the series line's `median`: on discrete or tied data (an
 * error ratio that is 0 or 1/53 per step) an average would draw levels no point ever had.
 */
export function bucketValues(points: readonly Point[], size: number): number[] {
  const step = Math.max(1, Math.floor(size));
  const buckets: number[] = [];
  for (let from = 0; from < points.length; from += step) {
    const finite = points
      .slice(from, from + step)
      .map((p) => p.v)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const mid = finite.length >> 1;
    buckets.push(
      finite.length === 0 ? Number.NaN : finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2,
    );
  }
  return buckets;
}

/** The smallest and largest finite value over every list, or null when there is none. */
export function sharedScale(...lists: readonly number[][]): SparkScale | null {
  let min = Infinity;
  let max = -Infinity;
  for (const list of lists) {
    for (const v of list) {
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : null;
}

/** One glyph per value on `scale`; a flat scale draws the middle level, a non-finite value a gap. */
export function renderSparkline(values: readonly number[], scale: SparkScale, unicode: boolean): string {
  const levels = unicode ? UNICODE_LEVELS : ASCII_LEVELS;
  const top = levels.length - 1;
  const span = scale.max - scale.min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return GAP;
      if (span <= 0) return levels[Math.floor(top / 2)];
      const level = Math.round(((v - scale.min) / span) * top);
      return levels[Math.min(top, Math.max(0, level))];
    })
    .join('');
}

/**
 * Glyphs per side at most, in every place a series is drawn (the series line and the summary
 * table's trend): one drawing per series, so the two views cannot show different shapes. Eight
 * is what the 80-column summary table has room for.
 */
export const SPARKLINE_WIDTH = 8;

/** The one drawing of a series: its sides at SPARKLINE_WIDTH on their shared scale, or null when nothing is finite. */
export function seriesSparkline(
  samples: { baseline: readonly Point[]; candidate: readonly Point[] },
  unicode: boolean,
): SparklinePair | null {
  return renderSparklinePair(samples, SPARKLINE_WIDTH, unicode);
}

/** Both sides of a series drawn on one scale, or null when there is nothing finite to draw. */
export interface SparklinePair {
  baseline: string;
  candidate: string;
  scale: SparkScale;
}

/**
 * Draw baseline and candidate points on their shared scale (the smallest and largest finite point
 * of either side), the longer side at most `width` glyphs. Both sides take the same number of points per glyph: equal smoothing keeps a noisy side from
 * looking calmer only because it had more points, and each glyph spans the same time (the sides'
 * widths follow their windows' lengths when the step is the same).
 */
export function renderSparklinePair(
  samples: { baseline: readonly Point[]; candidate: readonly Point[] },
  width: number,
  unicode: boolean,
): SparklinePair | null {
  const longest = Math.max(samples.baseline.length, samples.candidate.length);
  const size = Math.max(1, Math.ceil(longest / Math.max(1, Math.floor(width))));
  const baseline = bucketValues(samples.baseline, size);
  const candidate = bucketValues(samples.candidate, size);
  // The scale is the points' own range, not the glyphs': the range printed beside the line then
  // holds every statistic the report gives for the series (its median, its p95).
  const scale = sharedScale(
    samples.baseline.map((p) => p.v),
    samples.candidate.map((p) => p.v),
  );
  if (scale === null) return null;
  return {
    baseline: renderSparkline(baseline, scale, unicode),
    candidate: renderSparkline(candidate, scale, unicode),
    scale,
  };
}
