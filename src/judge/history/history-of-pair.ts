/** Which history series belong to a matched pair, and the spread they show. */
import type { Labels, Point, Series } from '../../types.js';
import type { SeriesCheck } from '../classify-series.js';
import type { MatchResult, SeriesPair } from '../match.js';
import type { HistoryInput } from './judge-with-history.js';
import { measureHistorySpread, type HistoryGeometry } from './spread.js';

/** A check's history as the gate read it: the query over `baseline.history` before the deploy. */
export interface CheckHistory {
  /** Seconds of history asked for (`baseline.history`). */
  seconds: number;
  geometry: HistoryGeometry;
  series: readonly Series[];
  /** Why the history could not be read: every pair is then judged on its windows alone, and says why. */
  error?: string;
}

const keyOf = (labels: Labels, drop: ReadonlySet<string>): string =>
  JSON.stringify(
    Object.entries(labels)
      .filter(([name]) => !drop.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

/**
 * The history of each pair, matched by the labels the pair was matched on (ignored and dropped
 * labels left out; pooled series pooled alike); a lone pair takes a lone history series whatever
 * its labels, as matchSeries pairs lone series.
 */
export function historiesOfPairs(
  history: CheckHistory,
  matched: MatchResult,
  check: Pick<SeriesCheck, 'minSamples'> & { ignoreLabels: readonly string[] },
): (HistoryInput | undefined)[] {
  if (history.error !== undefined)
    return matched.pairs.map(() => ({ seconds: history.seconds, measured: { shortfall: history.error as string } }));
  const drop = new Set([...check.ignoreLabels, ...matched.droppedLabels]);
  const groups = new Map<string, Point[]>();
  for (const series of history.series) {
    const key = keyOf(series.labels, drop);
    groups.set(key, [...(groups.get(key) ?? []), ...series.points]);
  }
  const lone = groups.size === 1 && matched.pairs.length === 1 ? [...groups.values()][0] : undefined;
  return matched.pairs.map((pair: SeriesPair) => {
    const points = groups.get(keyOf(pair.labels, drop)) ?? lone;
    const measured =
      points === undefined
        ? { shortfall: 'the history query returned no series with these labels' }
        : measureHistorySpread(points, history.geometry, check.minSamples);
    return { seconds: history.seconds, measured };
  });
}
