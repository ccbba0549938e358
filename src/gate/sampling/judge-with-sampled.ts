/**
 * A run whose spec has checks on sources without history: those are sampled now and judged
 * here, the PromQL checks (if any) go through the range plan at the same time, and one verdict
 * covers both, Holm-adjusted over every test of its family (critical or not). An interrupted sampling never passes.
 */
import { isVerdictWarning, judgeRun } from '../../judge/index.js';
import { formatTime } from '../../time/format-time.js';
import type { CheckResult, RunResult } from '../../types.js';
import { markInterrupted } from '../partial.js';
import { sampleChecks, type SamplingContext } from './sample-checks.js';
import type { SamplingPlan } from './plan-sampling.js';

export interface GateContext extends SamplingContext {
  name?: string;
  deployedAt: number;
  /** When the command started (unix seconds), for durationSeconds. */
  startedAt: number;
  /** Check names in spec order, so the report lists checks as the spec does. */
  order: readonly string[];
}

/** Judge the probe checks and, when given, the range checks, into one result. */
export async function judgeWithSampled(
  plan: SamplingPlan,
  judgeRange: (() => Promise<RunResult>) | undefined,
  context: GateContext,
): Promise<RunResult> {
  if (plan.checks.length === 0 && judgeRange) return judgeRange();
  const [probes, range] = await Promise.all([sampleChecks(plan, context), judgeRange?.()]);
  const position = new Map(context.order.map((name, i) => [name, i]));
  const checks: CheckResult[] = [...(range?.checks ?? []), ...probes.checks].sort(
    (a, b) => (position.get(a.name) ?? 0) - (position.get(b.name) ?? 0),
  );
  const verdict = judgeRun(checks);
  const warnings = [
    ...new Set([
      ...verdict.warnings,
      ...(range?.warnings ?? []).filter((w) => !isVerdictWarning(w)),
      ...probes.warnings,
    ]),
  ];
  const result: RunResult = {
    version: 1,
    ...(context.name !== undefined ? { name: context.name } : {}),
    verdict: verdict.verdict,
    exitCode: range?.exitCode === 2 ? 2 : verdict.exitCode,
    deployedAt: formatTime(context.deployedAt),
    windows: range?.windows ?? {
      baseline: { start: formatTime(probes.baseline.start), end: formatTime(probes.baseline.end) },
      post: { start: formatTime(probes.post.start), end: formatTime(probes.post.end) },
    },
    checks: verdict.checks.map((check) => withDecisionTime(check, probes.post)),
    warnings,
    durationSeconds: Math.round((context.now() - context.startedAt) * 1000) / 1000,
    ...(range?.cutShort !== undefined ? { cutShort: range.cutShort } : {}),
  };
  if (range !== undefined)
    result.warnings.push(
      `sampled sources: baseline ${formatTime(probes.baseline.start)} .. ${formatTime(probes.baseline.end)}, candidate ${formatTime(probes.post.start)} .. ${formatTime(probes.post.end)}`,
    );
  return probes.interrupted ? markInterrupted(result, 'interrupted while sampling') : result;
}

/**
 * Sampled checks are judged once their sampling ends, so a verdict was reached at the end of the
 * post window sampled; range checks keep what decided-after.ts found. Inconclusive: no verdict.
 */
function withDecisionTime(check: CheckResult, post: { start: number; end: number }): CheckResult {
  if (check.verdict === 'inconclusive') return { ...check, decidedAfter: null };
  return check.decidedAfter !== undefined
    ? check
    : { ...check, decidedAfter: Math.max(0, Math.round((post.end - post.start) * 1000) / 1000) };
}
