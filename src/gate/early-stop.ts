/**
 * Stopping early: while `run` waits for the post window, every max(step, 15s) it reads the post
 * window so far of the watched checks (early-stop-watched.ts: critical, before/after, one-sided)
 * and runs an anytime-valid sequential test on every series: the Beta-binomial Bayes factor for
 * count checks, the normal-mixture test for value checks (src/judge/sequential/). When one is
 * certain of a regression the wait ends and the run is judged on the data so far
 * (early-stop-judge.ts). The baseline window is complete, so it is read once.
 *
 * The family is fixed at the first look at which every watched baseline has been read: m = the
 * series of the watched checks' complete baselines plus one per other critical check, and every
 * series is looked at at LOOK_SHARE alpha / m (src/judge/sequential/alpha-split.ts: the looks and
 * the fixed test at the window's end spend the series' share of alpha once; Bonferroni, not Holm,
 * because the looks stop at a data-dependent time). No look stops before m is fixed, and m never
 * grows: the looks pair every candidate series with its baseline, so a series first seen later
 * is not looked at; the fixed test judges it at the window's end. A read that fails
 * at a look skips that look: errors never stop a run early.
 */
import { alphaOf } from '../judge/decide.js';
import { LOOK_SHARE, sequentialAlpha, type SequentialFamily } from '../judge/sequential/index.js';
import { formatEvidence } from '../judge/sequential/format.js';
import { formatPercent } from '../judge/wording.js';
import { SourceError } from '../errors.js';
import { sanitizeText } from '../sanitize-text.js';
import { formatLabels } from '../reports/format.js';
import type { Source } from '../sources/types.js';
import type { CheckSpec } from '../spec-model.js';
import { readWatchedPairs, type WatchedLook, type WatchedPair } from './early-stop-pairs.js';
import { watchedChecks, type WatchedDirection } from './early-stop-watched.js';
import { describeProvisionalChange, judgedChange } from './early-stop-estimate.js';
import { clipPlanToNow } from './partial.js';
import type { RunPlan } from './plan.js';

/** The shortest interval between looks (and the interval when the steps are shorter). */
export const MIN_LOOK_SECONDS = 15;

/** Why and when the wait stopped: the series that was certain, with its look. */
export interface EarlyStopDecision {
  /** Unix seconds of the look that stopped. */
  at: number;
  /** Unix seconds of the deploy: the reasons time the stop after it (src/time/moment.ts). */
  deployedAt: number;
  /** Index of the check in the plan (and in the run's checks). */
  checkIndex: number;
  check: CheckSpec;
  pair: WatchedPair;
  look: WatchedLook;
  /** alpha' = LOOK_SHARE alpha / tests. */
  alpha: number;
  /** m, fixed at the first look (alpha-split.ts). */
  tests: number;
}

/** What the wait loop calls: a look every `everySeconds`, which reports a progress line. */
export interface EarlyStopWatch {
  everySeconds: number;
  look(): Promise<{ stop: boolean; line: string }>;
  /** The decision once a look stopped, else null. */
  decision(): EarlyStopDecision | null;
  /** The family the looks spent alpha over, once fixed (null before the first complete look). */
  family(): SequentialFamily | null;
}

/**
 * A watch over the plan's watched checks, or null when there is none to watch. `criticalChecks`:
 * the run's critical checks, sampled ones included (default: the plan's).
 */
export function createEarlyStopWatch(
  plan: RunPlan,
  sources: Record<string, Source>,
  signal: AbortSignal,
  now: () => number,
  criticalChecks = plan.checks.filter((c) => c.check.critical).length,
): EarlyStopWatch | null {
  const watched = watchedChecks(plan);
  if (watched.length === 0) return null;
  const everySeconds = Math.max(MIN_LOOK_SECONDS, Math.min(...watched.map((i) => plan.checks[i]!.check.step)));
  const reader = readWatchedPairs(plan, sources, signal);
  const baselineSeries = new Map<number, number>();
  let fixed: SequentialFamily | null = null;
  let stopped: EarlyStopDecision | null = null;
  const fix = (): SequentialFamily | null => {
    if (fixed !== null || baselineSeries.size < watched.length) return fixed;
    const series = [...baselineSeries.values()].reduce((a, b) => a + b, 0);
    const others = Math.max(0, criticalChecks - watched.length);
    fixed = {
      tests: series + others,
      watched: new Map(watched.map((i) => [plan.checks[i]!.check.name, baselineSeries.get(i)!])),
      share: LOOK_SHARE,
    };
    return fixed;
  };

  const look = async (): Promise<{ stop: boolean; line: string }> => {
    const at = now();
    const clipped = clipPlanToNow(plan, at);
    const parts: string[] = [];
    const testable: { index: number; pair: WatchedPair }[] = [];
    for (const index of watched) {
      const check = plan.checks[index]!.check;
      try {
        const read = await reader(index, clipped.checks[index]!, at);
        baselineSeries.set(index, read.baselineSeries);
        if (read.waiting !== undefined) parts.push(`${sanitizeText(check.name)}: ${sanitizeText(read.waiting)}`);
        for (const pair of read.pairs) testable.push({ index, pair });
      } catch (error) {
        if (signal.aborted) return { stop: false, line: 'interrupted' };
        if (!(error instanceof SourceError)) throw error;
        parts.push(`${sanitizeText(check.name)}: could not read (${sanitizeText(error.message)}); waiting on`);
      }
    }
    const family = fix();
    const tests = family?.tests ?? 0;
    // Per check, the series closest to stopping goes in the progress line.
    const best = new Map<number, { pair: WatchedPair; look: WatchedLook; alpha: number }>();
    for (const { index, pair } of family === null ? [] : testable) {
      const alpha = sequentialAlpha(alphaOf(plan.checks[index]!.check.confidence), tests);
      const seen = pair.look(alpha);
      const current = best.get(index);
      if (!current || rank(seen) > rank(current.look)) best.set(index, { pair, look: seen, alpha });
    }
    for (const [index, { pair, look: seen, alpha }] of best) {
      const check = plan.checks[index]!.check;
      parts.push(describeLook(check, pair, seen, alpha));
      if (seen.look.stop && stopped === null)
        stopped = { at, deployedAt: plan.deployedAt, checkIndex: index, check, pair, look: seen, alpha, tests };
    }
    const line = `${parts.join('; ')}${stopped !== null ? ': certain of a regression, stopping early' : ''}`;
    return { stop: stopped !== null, line };
  };
  return { everySeconds, look, decision: () => stopped, family: () => fixed };
}

/** A stopping series first, then the strongest evidence on the bad side. */
function rank(seen: WatchedLook): number {
  return (seen.look.stop ? 2e9 : 0) + (seen.look.badSide ? 1e9 : 0) + logEvidence(seen);
}

function logEvidence(seen: WatchedLook): number {
  return seen.kind === 'count' ? seen.look.logBayesFactor : seen.look.logMixture;
}

/**
 * "error ratio rate +180% (provisional), evidence 14x of the 20x needed (p = 0.071)": the change
 * the verdict would report for the data so far (early-stop-estimate.ts) and the test's evidence in
 * the one wording the reasons use too (formatEvidence). The name and labels come from the spec and
 * the backend: escaped as the reports escape them, since stderr is read by terminals and by CI
 * runners (a label must not start a `::error::` line or move the cursor).
 */
function describeLook(check: CheckSpec, pair: WatchedPair, seen: WatchedLook, alpha: number): string {
  const name = sanitizeText(check.name);
  const who = Object.keys(pair.labels).length > 0 ? `${name} ${formatLabels(pair.labels)}` : name;
  const direction = check.direction as WatchedDirection;
  const empty = seen.kind === 'count' ? seen.look.share === null : seen.look.values === 0;
  if (empty) return `${who}: ${seen.kind === 'count' ? 'no events yet' : 'no values yet'}`;
  const estimate = judgedChange(check, pair);
  // A count with no event before the deploy has no relative change (the verdict says n/a): its rate.
  const change =
    seen.kind === 'value'
      ? describeProvisionalChange(estimate)
      : estimate === null && seen.look.candidate.trials > 0
        ? `rate ${formatPercent(seen.look.candidate.events / seen.look.candidate.trials)} with none before (provisional)`
        : `rate ${describeProvisionalChange(estimate)}`;
  // Evidence on the good side is no step towards stopping: its e-value would only confuse.
  if (!seen.look.badSide)
    return `${who} ${change}, no sign of a ${direction === 'decrease' ? 'fall' : 'rise'} beyond the tolerance`;
  const held = seen.look.heldBack === true ? ', not yet without the strongest run one restart blip could fill' : '';
  return `${who} ${change}, ${formatEvidence(logEvidence(seen), seen.stopsAt, alpha)}${held}`;
}
