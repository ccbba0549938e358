/**
 * An interrupted run still reports what it saw, but never passes: the post window it judged is
 * shorter than the spec asked for, so a pass there is not the pass the spec defines.
 */
import { isVerdictWarning, judgeRun } from '../judge/index.js';
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
      ...(c.denominators
        ? { denominators: { baseline: clip(c.denominators.baseline), candidate: clip(c.denominators.candidate) } }
        : {}),
    })),
  };
}

/**
 * Turn every pass of an interrupted run into inconclusive, keeping fails, and recompute the verdict.
 * Series are marked too, not only checks: a later judgeRun over a larger family (a run judged in
 * parts) re-derives a check's verdict from its series, and must not find a pass there.
 */
export function markInterrupted(result: RunResult, why: string): RunResult {
  const checks = result.checks.map((check) => {
    if (check.verdict !== 'pass') return check;
    const series = check.series.map((s) =>
      s.verdict === 'pass' ? { ...s, verdict: 'inconclusive' as const, reason: `${why}; so far: ${s.reason}` } : s,
    );
    return {
      ...check,
      verdict: 'inconclusive' as const,
      reason: `${why}; so far: ${check.reason}`,
      series,
      ...(check.decidedAfter !== undefined ? { decidedAfter: null } : {}),
    };
  });
  const verdict = judgeRun(checks);
  // The backend's and the plan's warnings still hold; only judgeRun's own are written anew.
  const kept = result.warnings.filter((w) => w !== why && !isVerdictWarning(w));
  return {
    ...result,
    checks: verdict.checks,
    verdict: verdict.verdict,
    exitCode: verdict.exitCode,
    warnings: [why, ...verdict.warnings, ...kept],
    cutShort: why,
  };
}
