/**
 * Stopping early: while `run` waits for the post window, every max(step, 15s) it reads the post
 * window so far of the critical count checks (before/after, direction increase or decrease) and
 * runs the anytime-valid sequential test of src/judge/sequential/ on every series. When one is
 * certain of a regression the wait ends and the run is judged on the data so far
 * (early-stop-judge.ts). The baseline window is complete, so it is read once.
 *
 * The family: every series tested sequentially is tested at alpha / m (Bonferroni), m the most
 * series tested at any look so far (it only grows, so alpha' only shrinks). Bonferroni, not Holm,
 * because the looks stop at a data-dependent time, where only a fixed split of alpha is valid.
 * A read that fails at a look skips that look: errors never stop a run early.
 */
import { alphaOf } from '../judge/decide.js';
import { DEFAULT_MIN_TRAFFIC } from '../judge/count/classify-counts.js';
import { lookAtSeries, sequentialAlpha, type SeriesLook } from '../judge/sequential/index.js';
import { formatChange, formatPercent, formatValue } from '../judge/wording.js';
import { formatBayesFactor } from '../judge/sequential/format.js';
import { SourceError } from '../errors.js';
import type { Source } from '../sources/types.js';
import type { CheckSpec } from '../spec/types.js';
import type { Labels, Series } from '../types.js';
import { pairCountSeries, type CountPair } from './early-stop-series.js';
import { clipPlanToNow } from './partial.js';
import type { PlannedCheck, PlannedQuery, RunPlan } from './plan.js';

/** The shortest interval between looks (and the interval when the steps are shorter). */
export const MIN_LOOK_SECONDS = 15;

/** Why and when the wait stopped: the series that was certain, with its look. */
export interface EarlyStopDecision {
  /** Unix seconds of the look that stopped. */
  at: number;
  /** Index of the check in the plan (and in the run's checks). */
  checkIndex: number;
  check: CheckSpec;
  pair: CountPair;
  look: SeriesLook;
  /** alpha' = alpha / tests. */
  alpha: number;
  tests: number;
}

/** What the wait loop calls: a look every `everySeconds`, which reports a progress line. */
export interface EarlyStopWatch {
  everySeconds: number;
  look(): Promise<{ stop: boolean; line: string }>;
  /** The decision once a look stopped, else null. */
  decision(): EarlyStopDecision | null;
}

type Direction = 'increase' | 'decrease';

/** The critical before/after count checks with a one-sided direction: the ones watched. */
function watchedChecks(plan: RunPlan): number[] {
  return plan.checks.flatMap((c, i) =>
    c.denominators && c.mode === 'before-after' && c.check.critical && c.check.direction !== 'either' ? [i] : [],
  );
}

/** A watch over the plan's critical count checks, or null when there is none to watch. */
export function createEarlyStopWatch(plan: RunPlan, sources: Record<string, Source>, signal: AbortSignal, now: () => number): EarlyStopWatch | null {
  const watched = watchedChecks(plan);
  if (watched.length === 0) return null;
  const steps = watched.map((i) => plan.checks[i]!.check.step);
  const everySeconds = Math.max(MIN_LOOK_SECONDS, Math.min(...steps));
  const baselines = new Map<number, { numerator: Series[]; denominator: Series[] }>();
  const read = async (q: PlannedQuery): Promise<Series[]> => {
    const source = sources[q.source];
    if (!source) throw new Error(`no source named "${q.source}" (the spec loader should have refused it)`);
    return (await source.fetchRange(q.query, q.range, signal)).series;
  };
  let family = 0;
  let stopped: EarlyStopDecision | null = null;

  const readCheck = async (index: number, clipped: PlannedCheck, at: number): Promise<CountPair[]> => {
    const planned = plan.checks[index]!;
    const denominators = planned.denominators!;
    let baseline = baselines.get(index);
    if (!baseline) {
      const [numerator, denominator] = await Promise.all([read(planned.baseline), read(denominators.baseline)]);
      baseline = { numerator, denominator };
      baselines.set(index, baseline);
    }
    // Before the post window's first step has ended there is nothing to read yet.
    if (at < clipped.candidate.range.start) return [];
    const [numerator, denominator] = await Promise.all([read(clipped.candidate), read(clipped.denominators!.candidate)]);
    return pairCountSeries(baseline, { numerator, denominator }, planned.check.ignoreLabels);
  };

  const look = async (): Promise<{ stop: boolean; line: string }> => {
    const at = now();
    const clipped = clipPlanToNow(plan, at);
    const parts: string[] = [];
    const testable: { index: number; pair: CountPair }[] = [];
    for (const index of watched) {
      const check = plan.checks[index]!.check;
      let pairs: CountPair[];
      try {
        pairs = await readCheck(index, clipped.checks[index]!, at);
      } catch (error) {
        if (signal.aborted) return { stop: false, line: 'interrupted' };
        if (!(error instanceof SourceError)) throw error;
        parts.push(`${check.name}: could not read (${error.message}); waiting on`);
        continue;
      }
      const minTraffic = check.minTraffic ?? DEFAULT_MIN_TRAFFIC;
      const enough = pairs.filter((p) => trialsOf(p.baseline) >= minTraffic && trialsOf(p.candidate) >= minTraffic);
      if (enough.length === 0) parts.push(`${check.name}: too little traffic yet`);
      for (const pair of enough) testable.push({ index, pair });
    }
    family = Math.max(family, testable.length);
    // Per check, the series closest to stopping goes in the progress line.
    const best = new Map<number, { pair: CountPair; look: SeriesLook; alpha: number }>();
    for (const { index, pair } of testable) {
      const check = plan.checks[index]!.check;
      const alpha = sequentialAlpha(alphaOf(check.confidence), family);
      const seen = lookAtSeries({ direction: check.direction as Direction, tolerance: check.tolerance }, pair.baseline, pair.candidate, alpha);
      const current = best.get(index);
      if (!current || rank(seen) > rank(current.look)) best.set(index, { pair, look: seen, alpha });
    }
    for (const [index, { pair, look: seen, alpha }] of best) {
      const check = plan.checks[index]!.check;
      parts.push(describeLook(check.name, pair.labels, seen, check.direction as Direction));
      if (seen.stop && stopped === null) stopped = { at, checkIndex: index, check, pair, look: seen, alpha, tests: family };
    }
    const line = `${parts.join('; ')}${stopped !== null ? ': certain of a regression, stopping early' : ''}`;
    return { stop: stopped !== null, line };
  };
  return { everySeconds, look, decision: () => stopped };
}

/** A stopping series first, then the strongest evidence on the bad side. */
function rank(look: SeriesLook): number {
  return (look.stop ? 2e9 : 0) + (look.badSide ? 1e9 : 0) + look.logBayesFactor;
}

function trialsOf(side: CountPair['baseline']): number {
  return side.steps.reduce((n, s) => n + s.trials, 0);
}

/** "error ratio +180%, evidence 14 of 20 needed": the change of the rate and the Bayes factor against 1/alpha'. */
function describeLook(name: string, labels: Labels, look: SeriesLook, direction: Direction): string {
  const who = Object.keys(labels).length > 0 ? `${name} {${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ')}}` : name;
  if (look.share === null) return `${who}: no events yet`;
  const before = look.baseline.events / look.baseline.trials;
  const after = look.candidate.events / look.candidate.trials;
  const change = before > 0 ? `rate ${formatChange(after / before - 1)}` : `rate ${formatPercent(after)} (none before)`;
  // Evidence on the good side is no step towards stopping: its Bayes factor would only confuse.
  if (!look.badSide) return `${who} ${change}, no sign of a ${direction === 'decrease' ? 'fall' : 'rise'} beyond the tolerance`;
  return `${who} ${change}, evidence ${formatBayesFactor(look.logBayesFactor)} of ${formatValue(look.threshold)} needed`;
}
