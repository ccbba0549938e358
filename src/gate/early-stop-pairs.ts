/**
 * What the looks of early-stop.ts read: the series of a watched check, paired as the fixed-window
 * judge pairs them, each with a look at a given level. Count checks read numerator and denominator
 * (early-stop-series.ts); value checks read their query and pair the series by labels. The
 * baseline window is complete before the first look, so it is read once per check.
 */
import { DEFAULT_MIN_TRAFFIC } from '../judge/count/classify-counts.js';
import { inTimeOrder } from '../judge/clean.js';
import { matchSeries } from '../judge/match.js';
import { lookAtSeries, type SeriesLook } from '../judge/sequential/index.js';
import { lookAtValues, type ValueLook } from '../judge/sequential/value-look.js';
import type { Source } from '../sources/types.js';
import type { Labels, Point, Series } from '../types.js';
import { blipSpan, countBlipSpan, postHorizon, watchedSettings } from './early-stop-watched.js';
import { pairCountSeries, type CountPair } from './early-stop-series.js';
import { buildCountSides } from '../judge/count/count-series.js';
import type { PlannedCheck, PlannedQuery, RunPlan } from './plan.js';
import { watchedAs } from './ratio-watch.js';

/** One look's outcome, by the kind of test. `stopsAt`: the e-value at which the test stops. */
export type WatchedLook =
  { kind: 'count'; look: SeriesLook; stopsAt: number } | { kind: 'value'; look: ValueLook; stopsAt: number };

/** One matched series of a watched check, ready to be looked at. */
export type WatchedPair =
  | { kind: 'count'; labels: Labels; counts: CountPair; look(alpha: number): WatchedLook }
  | {
      kind: 'value';
      labels: Labels;
      baseline: readonly Point[];
      candidate: readonly Point[];
      look(alpha: number): WatchedLook;
    };

/** The pairs of one check at one look, and why some are not looked at yet. */
export interface WatchedRead {
  pairs: WatchedPair[];
  waiting?: string;
  /** The series of the check's complete baseline (by the check's labels): its share of the looks' family. */
  baselineSeries: number;
}

/** A reader of the watched checks' pairs at a look; source errors are thrown (SourceError). */
export type WatchedReader = (index: number, clipped: PlannedCheck, at: number) => Promise<WatchedRead>;

export function readWatchedPairs(plan: RunPlan, sources: Record<string, Source>, signal: AbortSignal): WatchedReader {
  const baselines = new Map<number, Series[][]>();
  const read = async (q: PlannedQuery): Promise<Series[]> => {
    const source = sources[q.source];
    if (!source) throw new Error(`no source named "${q.source}" (the spec loader should have refused it)`);
    return (await source.fetchRange(q.query, q.range, signal)).series;
  };
  const baselineOf = async (index: number, queries: PlannedQuery[]): Promise<Series[][]> => {
    let cached = baselines.get(index);
    if (!cached) {
      cached = await Promise.all(queries.map(read));
      baselines.set(index, cached);
    }
    return cached;
  };
  return async (index, clippedCheck, at) => {
    const { planned, clipped } = watchedAs(plan.checks[index]!, clippedCheck, at);
    const settings = watchedSettings(planned.check);
    if (planned.denominators) {
      const [numerator, denominator] = await baselineOf(index, [planned.baseline, planned.denominators.baseline]);
      const baselineSeries = buildCountSides(
        { numerator: numerator!, denominator: denominator! },
        planned.check.ignoreLabels,
      ).sides.length;
      // Before the post window's first step has ended there is nothing to read yet.
      if (at < clipped.candidate.range.start)
        return { pairs: [], waiting: 'waiting for the first step', baselineSeries };
      const candidate = await Promise.all([read(clipped.candidate), read(clipped.denominators!.candidate)]);
      const pairs = pairCountSeries(
        { numerator: numerator!, denominator: denominator! },
        { numerator: candidate[0], denominator: candidate[1] },
        planned.check.ignoreLabels,
      );
      const minTraffic = planned.check.minTraffic ?? DEFAULT_MIN_TRAFFIC;
      const enough = pairs.filter((p) => trialsOf(p.baseline) >= minTraffic && trialsOf(p.candidate) >= minTraffic);
      const looked = enough.map((counts): WatchedPair => ({
        kind: 'count',
        labels: counts.labels,
        counts,
        look: (alpha) => {
          const look = lookAtSeries(settings, counts.baseline, counts.candidate, alpha, countBlipSpan(planned));
          return { kind: 'count', look, stopsAt: look.threshold };
        },
      }));
      return enough.length === 0
        ? { pairs: [], waiting: 'too little traffic yet', baselineSeries }
        : { pairs: looked, baselineSeries };
    }
    const [baseline] = await baselineOf(index, [planned.baseline]);
    const baselineSeries = matchSeries(baseline!, [], planned.check.ignoreLabels).oneSided.baseline.length;
    if (at < clipped.candidate.range.start) return { pairs: [], waiting: 'waiting for the first step', baselineSeries };
    const candidate = await read(clipped.candidate);
    const horizon = postHorizon(planned);
    const span = blipSpan(planned);
    const pairs = matchSeries(baseline!, candidate, planned.check.ignoreLabels).pairs.map((pair): WatchedPair => {
      const baselinePoints = inTimeOrder(pair.baseline);
      const candidatePoints = inTimeOrder(pair.candidate);
      const baselineValues = Float64Array.from(baselinePoints, (p) => p.v);
      const candidateValues = Float64Array.from(candidatePoints, (p) => p.v);
      return {
        kind: 'value',
        labels: pair.labels,
        baseline: baselinePoints,
        candidate: candidatePoints,
        look: (alpha) => ({
          kind: 'value',
          look: lookAtValues(settings, baselineValues, candidateValues, alpha, horizon, span),
          stopsAt: valueStopsAt(alpha),
        }),
      };
    });
    return pairs.length === 0
      ? { pairs: [], waiting: 'no series on both sides yet', baselineSeries }
      : { pairs, baselineSeries };
  };
}

/** The value test spends alpha/2 on the baseline's bound and alpha/2 on the looks (value-test.ts). */
function valueStopsAt(alpha: number): number {
  return 2 / alpha;
}

function trialsOf(side: CountPair['baseline']): number {
  return side.steps.reduce((n, s) => n + s.trials, 0);
}
