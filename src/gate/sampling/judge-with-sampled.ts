/**
 * A run whose spec has checks on sources without history: those are sampled now and judged
 * here, the range checks (if any) are judged at the same time, and assembleRun
 * (src/gate/assemble-result.ts) makes one verdict of both parts, Holm-adjusted over every test of
 * its family. An interrupted sampling is a part cut short: it never passes.
 */
import type { CheckResult, RunNote } from '../../types.js';
import type { JudgedPart } from '../assemble-result.js';
import { sampleChecks, type SamplingContext } from './sample-checks.js';
import type { SamplingPlan } from './plan-sampling.js';

/** The range part (when the spec has range checks) and the sampled part (when it has sampled checks). */
export async function judgeWithSampled(
  plan: SamplingPlan,
  judgeRange: (() => Promise<JudgedPart>) | undefined,
  context: SamplingContext,
): Promise<JudgedPart[]> {
  if (plan.checks.length === 0 && judgeRange) return [await judgeRange()];
  const [probes, range] = await Promise.all([sampleChecks(plan, context), judgeRange?.()]);
  const notes: RunNote[] = [
    ...(plan.snapshot
      ? [{ kind: 'snapshot' as const, path: plan.snapshot.path, takenAt: plan.snapshot.value.takenAt }]
      : []),
    ...(range !== undefined
      ? [{ kind: 'sampled-windows' as const, baseline: probes.baseline, candidate: probes.post }]
      : []),
  ];
  const sampled: JudgedPart = {
    checks: probes.checks.map((check) => withDecisionTime(check, probes.post)),
    notes,
    windows: { baseline: probes.baseline, post: probes.post },
    ...(probes.interrupted ? { cutShort: { kind: 'interrupted-sampling' as const } } : {}),
  };
  return range !== undefined ? [range, sampled] : [sampled];
}

/**
 * Sampled checks are judged once their sampling ends, so a verdict was reached at the end of the
 * post window sampled. Inconclusive: no verdict.
 */
function withDecisionTime(check: CheckResult, post: { start: number; end: number }): CheckResult {
  if (check.verdict === 'inconclusive') return { ...check, decidedAfter: null, decidedAt: null };
  return {
    ...check,
    decidedAfter: Math.max(0, Math.round((post.end - post.start) * 1000) / 1000),
    decidedAt: post.end,
  };
}
