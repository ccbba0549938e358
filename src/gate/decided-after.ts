/**
 * When each check's verdict was reached, in seconds after the post window's start (`decidedAfter`):
 * for a window already in the past, when a live run would have reached it.
 *
 * - A failing watched check (early-stop-watched.ts): the first step at which its anytime-valid
 *   test, replayed step by step with the live looks' rules and family, was certain of the
 *   regression; when it never was, the end of the window judged (the fixed-window test decided).
 * - Any other fail, and every pass: the end of the window judged. A pass is only declared at the
 *   window's end (the sequential tests never pass early: see src/judge/sequential/value-test.ts).
 * - Inconclusive: null, no verdict was reached.
 *
 * The live looks come every max(step, 15 s), the replay looks at every step, so a live run may
 * stop up to one look interval later than the replay says.
 *
 * A ratio query of counts (ratio-counts.ts) is watched by the live looks as its derived count
 * check, so its replay reads and tests those counts too (readCountWatches), not the ratio's points.
 */
import { alphaOf } from '../judge/decide.js';
import { inTimeOrder } from '../judge/clean.js';
import { matchSeries } from '../judge/match.js';
import { sequentialAlpha } from '../judge/sequential/index.js';
import { firstCountStop } from '../judge/sequential/first-count-stop.js';
import { firstValueStop } from '../judge/sequential/first-value-stop.js';
import type { Source } from '../sources/types.js';
import type { CheckResult, Point } from '../types.js';
import { blipSpan, countBlipSpan, isWatched, postHorizon, watchedSettings } from './early-stop-watched.js';
import { pairCountSeries, type CountPair } from './early-stop-series.js';
import { fetchPlannedChecks, type CheckData } from './fetch-plan.js';
import type { PlannedCheck, RunPlan } from './plan.js';

/** A watched check's series, ready for the replay of its looks; a count pair with the planned check its looks read. */
type ReplayPair =
  | { kind: 'count'; planned: PlannedCheck; pair: CountPair }
  | { kind: 'value'; baseline: Float64Array; candidate: Point[] };

/**
 * The data of the count checks the live looks would read for ratio queries of counts, by check
 * index (undefined for the others). Read only when a watched check failed: only then is a step
 * replayed, and then for every watched ratio, whose series count in the looks' family.
 */
export async function readCountWatches(
  plan: RunPlan,
  checks: readonly CheckResult[],
  sources: Record<string, Source>,
  signal: AbortSignal,
): Promise<Array<CheckData | undefined>> {
  const failed = plan.checks.some((planned, i) => isWatched(planned) && checks[i]?.verdict === 'fail');
  const watches = plan.checks.map((planned) => (failed && isWatched(planned) ? planned.countWatch : undefined));
  const read = watches.filter((w): w is PlannedCheck => w !== undefined);
  if (read.length === 0) return watches.map(() => undefined);
  const data = await fetchPlannedChecks(read, sources, signal);
  let next = 0;
  return watches.map((w) => (w === undefined ? undefined : data[next++]));
}

/**
 * `decidedAfter` of every check of a run judged on `data` (the plan may be cut short);
 * `watchData`: the counts of its ratio queries of counts (readCountWatches).
 */
export function decisionTimes(
  plan: RunPlan,
  data: readonly CheckData[],
  checks: readonly CheckResult[],
  watchData: ReadonlyArray<CheckData | undefined> = [],
): Array<number | null> {
  const pairs = plan.checks.map((planned, i) =>
    isWatched(planned) ? replayPairs(planned, data[i]!, watchData[i]) : [],
  );
  // The live looks' family (early-stop.ts, alpha-split.ts): every watched series plus one per
  // other critical check, each series looked at at LOOK_SHARE alpha / m.
  const others = plan.checks.filter((c) => c.check.critical && !isWatched(c)).length;
  const family = pairs.reduce((m, p) => m + p.length, 0) + others;
  return plan.checks.map((planned, i) => {
    const check = checks[i]!;
    if (check.verdict === 'inconclusive') return null;
    const start = planned.windows.postOpens;
    const judgedEnd = Math.max(start, planned.candidate.range.end);
    if (check.verdict === 'pass') return judgedEnd - start;
    const alpha = sequentialAlpha(alphaOf(planned.check.confidence), family);
    const stops = pairs[i]!.map((pair) => firstStop(planned, pair, alpha)).filter((at): at is number => at !== null);
    const first = stops.length > 0 ? Math.min(...stops) : judgedEnd;
    return Math.max(0, Math.min(first, judgedEnd) - start);
  });
}

/**
 * The series a watched check's looks test, paired as the live looks pair them: a ratio query of
 * counts by its count watch's data when it could be read, else by its own points.
 */
function replayPairs(planned: PlannedCheck, data: CheckData, watchData: CheckData | undefined): ReplayPair[] {
  if (planned.countWatch !== undefined && watchData?.ok) return replayPairs(planned.countWatch, watchData, undefined);
  if (!data.ok) return [];
  if (planned.denominators && data.denominators) {
    const baseline = { numerator: data.baseline, denominator: data.denominators.baseline };
    const candidate = { numerator: data.candidate, denominator: data.denominators.candidate };
    return pairCountSeries(baseline, candidate, planned.check.ignoreLabels).map((pair) => ({
      kind: 'count',
      planned,
      pair,
    }));
  }
  return matchSeries(data.baseline, data.candidate, planned.check.ignoreLabels).pairs.map((pair) => ({
    kind: 'value',
    baseline: Float64Array.from(inTimeOrder(pair.baseline), (p) => p.v),
    candidate: pair.candidate,
  }));
}

/** Unix seconds of the first step at which the replayed looks were certain, or null. */
function firstStop(planned: PlannedCheck, pair: ReplayPair, alpha: number): number | null {
  const settings = watchedSettings(planned.check);
  if (pair.kind === 'count') {
    const minTraffic = pair.planned.check.minTraffic;
    return (
      firstCountStop(
        { ...settings, ...(minTraffic !== undefined ? { minTraffic } : {}) },
        pair.pair.baseline,
        pair.pair.candidate,
        alpha,
        countBlipSpan(pair.planned),
      )?.at ?? null
    );
  }
  return (
    firstValueStop(settings, pair.baseline, pair.candidate, alpha, postHorizon(planned), blipSpan(planned))?.at ?? null
  );
}
