/**
 * An interrupted run still reports what it saw, but never passes: the post window it judged is
 * shorter than the spec asked for, so a pass there is not the pass the spec defines.
 */
import type { CheckResult } from '../types.js';
import type { PlannedCheck, PlannedQuery, RunPlan } from './plan.js';

/** The plan cut at `now`: ranges that reach into the future end at the last step already past. */
export function clipPlanToNow(plan: RunPlan, now: number): RunPlan {
  return { ...plan, checks: plan.checks.map((c) => clipCheckToNow(c, now)) };
}

/** One planned check cut at `now`, as clipPlanToNow cuts each. */
export function clipCheckToNow(c: PlannedCheck, now: number): PlannedCheck {
  const clip = (q: PlannedQuery): PlannedQuery => {
    if (q.range.end <= now) return q;
    const lastPast = q.range.start + Math.floor((now - q.range.start) / q.range.step) * q.range.step;
    // A window that has not started yet keeps one (empty) point, so it reads as "no data".
    return { ...q, range: { ...q.range, end: Math.max(q.range.start, lastPast) } };
  };
  return {
    ...c,
    baseline: clip(c.baseline),
    candidate: clip(c.candidate),
    ...(c.denominators
      ? { denominators: { baseline: clip(c.denominators.baseline), candidate: clip(c.denominators.candidate) } }
      : {}),
    ...(c.countWatch ? { countWatch: clipCheckToNow(c.countWatch, now) } : {}),
  };
}

/**
 * A check of a part cut short, worded by `why` (src/reports/notes.ts wordCutShort): a pass
 * becomes inconclusive, a fail stays. Series are marked too, not only the check, so a reader (or
 * a later count of series) never finds a pass in a window cut short.
 */
export function markCutShort(check: CheckResult, why: string): CheckResult {
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
    ...(check.decidedAt !== undefined ? { decidedAt: null } : {}),
  };
}
