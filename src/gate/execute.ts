/** Run a planned gate: read the data, judge every check, and build the result. No process access. */
import { judgeCheck, judgeCountCheck, judgeRun, type CheckHistory } from '../judge/index.js';
import type { Source } from '../sources/types.js';
import type { CheckResult, RunNote, RunResult } from '../types.js';
import { assembleRun, type JudgedPart } from './assemble-result.js';
import { describeFetchError, fetchPlannedChecks, type CheckData } from './fetch-plan.js';
import type { PlannedCheck, RunPlan } from './plan.js';
import { decisionTimes, readCountWatches } from './decided-after.js';
import { findDensePoints } from './point-density.js';
import { findPartialBaseline } from './point-coverage.js';

/** The range checks of the plan, read and judged; a check whose data could not be read is inconclusive. */
export async function readRange(
  plan: RunPlan,
  sources: Record<string, Source>,
  signal: AbortSignal,
): Promise<JudgedPart> {
  const data = signal.aborted
    ? plan.checks.map((): CheckData => ({ ok: false, ...describeFetchError(undefined, signal) }))
    : await fetchPlannedChecks(plan.checks, sources, signal);
  const judged = plan.checks.map((planned, i) => judgePlannedCheck(planned, data[i] as CheckData));
  const backend = plan.checks.flatMap((planned, i): RunNote[] => {
    const d = data[i] as CheckData;
    return d.ok ? d.warnings.map((text) => ({ kind: 'backend-warning', check: planned.check.name, text })) : [];
  });
  const density = plan.checks.flatMap((planned, i) => [
    ...findDensePoints(planned, data[i] as CheckData),
    ...findPartialBaseline(planned, data[i] as CheckData),
  ]);
  // When each verdict was reached is read on the checks as this plan alone would judge them.
  const verdicts = judgeRun(judged).checks;
  const decided = decisionTimes(plan, data, verdicts, await readCountWatches(plan, verdicts, sources, signal));
  return {
    checks: judged.map((check, i) => {
      const after = decided[i] ?? null;
      return {
        ...check,
        decidedAfter: after,
        decidedAt: after === null ? null : plan.checks[i]!.windows.postOpens + after,
      };
    }),
    notes: [...backend, ...density, ...(plan.warnings ?? []).map((text): RunNote => ({ kind: 'spec', text }))],
    windows: plan.windows,
  };
}

/** Judge the plan against the sources into a run result (backtest, tests). */
export async function executeRun(
  name: string | undefined,
  plan: RunPlan,
  sources: Record<string, Source>,
  signal: AbortSignal,
  startedAt: number,
  now: () => number,
): Promise<RunResult> {
  const part = await readRange(plan, sources, signal);
  return assembleRun([part], { ...(name !== undefined ? { name } : {}), deployedAt: plan.deployedAt, startedAt, now });
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
    return judgeCountCheck(planned.check, baseline, candidate, planned.mode, planned.offset);
  }
  return judgeCheck(
    planned.check,
    data.baseline,
    data.candidate,
    planned.mode,
    planned.offset,
    historyOf(planned, data),
  );
}

/** The history the judge gets for a check with `baseline.history`. */
function historyOf(planned: PlannedCheck, data: CheckData & { ok: true }): CheckHistory | undefined {
  if (planned.history === undefined || data.history === undefined) return undefined;
  const read = data.history;
  return {
    seconds: planned.history.seconds,
    geometry: planned.history.geometry,
    series: 'series' in read ? read.series : [],
    ...('error' in read ? { error: `could not read the history: ${read.error}` } : {}),
  };
}
