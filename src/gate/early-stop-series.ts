/**
 * The count series an early-stop look tests: the same pairing as the fixed-n count judge
 * (numerators with denominators by labels, then baseline with candidate, pods pooled), so a series
 * stopped early carries the labels the report would give it.
 */
import type { CountSeries, CountSide } from '../judge/count/count-series.js';
import { buildCountSides, poolSides } from '../judge/count/count-series.js';
import { matchSeries } from '../judge/match.js';
import type { Labels } from '../types.js';

/** One matched series: its labels and each side's steps. */
export interface CountPair {
  labels: Labels;
  baseline: CountSide;
  candidate: CountSide;
}

/** Pair the baseline and candidate counts of one check, as judgeCountCheck does. */
export function pairCountSeries(
  baseline: CountSeries,
  candidate: CountSeries,
  ignoreLabels: readonly string[],
): CountPair[] {
  const b = buildCountSides(baseline, ignoreLabels);
  const c = buildCountSides(candidate, ignoreLabels);
  if (b.sides.length === 0 || c.sides.length === 0) return [];
  const matched = matchSeries(b.series, c.series, ignoreLabels);
  return matched.pairs.map((pair) => ({
    labels: pair.labels,
    baseline: poolSides(
      pair.baseline.map((p) => b.sides[p.v]!),
      pair.labels,
    ),
    candidate: poolSides(
      pair.candidate.map((p) => c.sides[p.v]!),
      pair.labels,
    ),
  }));
}
