/**
 * An interrupted run still reports what it saw, but never passes: the post window it judged is
 * shorter than the spec asked for, so a pass there is not the pass the spec defines.
 */
import { judgeRun } from '../judge/index.js';
import type { RunResult } from '../types.js';
import type { PlannedQuery, RunPlan } from './plan.js';

/** The plan cut at `now`: ranges that reach into the future end at the last step already past. */
export function clipPlanToNow(plan: RunPlan, now: number): RunPlan {
  const clip = (q: PlannedQuery): PlannedQuery => {
    if (q.range.end <= now) return q;
    const lastPast = q.range.start + Math.floor((now - q.range.start) / q.range.step) * q.range.step;
    // A window that has not started yet keeps one (empty) point, so it reads as "no data".
    return { ...q, range: { ...q.range, end: Math.max(q.range.start, lastPast) } };
  };
  return {
    ...plan,
    checks: plan.checks.map((c) => ({
      ...c,
      baseline: clip(c.baseline),
      candidate: clip(c.candidate),
      ...(c.denominators ? { denominators: { baseline: clip(c.denominators.baseline), candidate: clip(c.denominators.candidate) } } : {}),
    })),
  };
}

/** Turn every pass of an interrupted run into inconclusive, keeping fails, and recompute the verdict. */
export function markInterrupted(result: RunResult, why: string): RunResult {
  const checks = result.checks.map((check) =>
    check.verdict === 'pass' ? { ...check, verdict: 'inconclusive' as const, reason: `${why}; so far: ${check.reason}` } : check,
  );
  const verdict = judgeRun(checks);
  return { ...result, checks: verdict.checks, verdict: verdict.verdict, exitCode: verdict.exitCode, warnings: [why, ...verdict.warnings] };
}
