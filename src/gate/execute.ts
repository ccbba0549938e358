/** Run a planned gate: read the data, judge every check, and build the result. No process access. */
import { judgeCheck, judgeCountCheck, judgeRun } from '../judge/index.js';
import type { Source } from '../sources/types.js';
import type { CheckResult, RunResult } from '../types.js';
import { describeFetchError, fetchPlannedChecks, type CheckData } from './fetch-plan.js';
import type { PlannedCheck, RunPlan } from './plan.js';
import { formatTime } from '../time/format-time.js';
import { decisionTimes } from './decided-after.js';
import { describeDensePoints } from './point-density.js';
import { describePartialBaseline } from './point-coverage.js';

/** Judge the plan against the sources; a check whose data could not be read is inconclusive. */
export async function executeRun(
  name: string | undefined,
  plan: RunPlan,
  sources: Record<string, Source>,
  signal: AbortSignal,
  startedAt: number,
  now: () => number,
): Promise<RunResult> {
  const data = signal.aborted
    ? plan.checks.map((): CheckData => ({ ok: false, ...describeFetchError(undefined, signal) }))
    : await fetchPlannedChecks(plan.checks, sources, signal);
  const checks = plan.checks.map((planned, i) => judgePlannedCheck(planned, data[i] as CheckData));
  const sourceWarnings = plan.checks.flatMap((planned, i) => {
    const d = data[i] as CheckData;
    return d.ok ? d.warnings.map((w) => `${planned.check.name}: backend warning: ${w}`) : [];
  });
  const densityWarnings = plan.checks.flatMap((planned, i) => [
    ...describeDensePoints(planned, data[i] as CheckData),
    ...describePartialBaseline(planned, data[i] as CheckData),
  ]);
  const verdict = judgeRun(checks);
  const decided = decisionTimes(plan, data, verdict.checks);
  return {
    version: 1,
    ...(name !== undefined ? { name } : {}),
    verdict: verdict.verdict,
    exitCode: verdict.exitCode,
    deployedAt: formatTime(plan.deployedAt),
    windows: {
      baseline: {
        start: formatTime(plan.windows.baseline.start),
        end: formatTime(plan.windows.baseline.end),
        ...(plan.windows.baseline.offset !== undefined ? { offset: plan.windows.baseline.offset } : {}),
      },
      post: { start: formatTime(plan.windows.post.start), end: formatTime(plan.windows.post.end) },
    },
    checks: verdict.checks.map((check, i) => ({ ...check, decidedAfter: decided[i] ?? null })),
    warnings: [...verdict.warnings, ...sourceWarnings, ...densityWarnings, ...(plan.warnings ?? [])],
    durationSeconds: Math.round((now() - startedAt) * 1000) / 1000,
  };
}

function judgePlannedCheck(planned: PlannedCheck, data: CheckData): CheckResult {
  if (!data.ok) {
    return {
      name: planned.check.name,
      verdict: 'inconclusive',
      critical: planned.check.critical,
      reason: `could not read the data: ${data.error}`,
      series: [],
      unmatched: { baseline: [], candidate: [] },
      error: data.error,
      errorKind: data.errorKind,
    };
  }
  if (planned.denominators && data.denominators) {
    const baseline = { numerator: data.baseline, denominator: data.denominators.baseline };
    const candidate = { numerator: data.candidate, denominator: data.denominators.candidate };
    return judgeCountCheck(planned.check, baseline, candidate, planned.mode);
  }
  return judgeCheck(planned.check, data.baseline, data.candidate, planned.mode);
}
