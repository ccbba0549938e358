/** What a run will read: per check, which query over which window. Pure, so --dry-run shows the truth. */
import type { CheckSpec, Spec } from '../spec/types.js';
import { computeWindows, rangesForCheck } from '../time/windows.js';
import type { TimeRange, Windows } from '../types.js';

export type CheckMode = 'before-after' | 'canary';

/** One range query of the plan. */
export interface PlannedQuery {
  source: string;
  query: string;
  range: TimeRange;
}

export interface PlannedCheck {
  check: CheckSpec;
  mode: CheckMode;
  windows: Windows;
  baseline: PlannedQuery;
  candidate: PlannedQuery;
}

export interface RunPlan {
  deployedAt: number;
  /** Nominal windows (not step-aligned), for the report. */
  windows: { baseline: { start: number; end: number }; post: { start: number; end: number } };
  checks: PlannedCheck[];
  /** When the last post window ends: the run cannot judge before then. */
  readyAt: number;
}

/** Resolve every check's windows (aligned to its step) and queries for a deploy at `deployedAt`. */
export function planRun(spec: Spec, deployedAt: number): RunPlan {
  const checks = spec.checks.map((check) => planCheck(spec, check, deployedAt));
  const postStart = deployedAt + spec.deploy.warmup;
  return {
    deployedAt,
    windows: {
      baseline: { start: deployedAt - spec.baseline.window, end: deployedAt },
      post: { start: postStart, end: postStart + spec.post.window },
    },
    checks,
    readyAt: Math.max(postStart + spec.post.window, ...checks.map((c) => c.windows.post.end)),
  };
}

function planCheck(spec: Spec, check: CheckSpec, deployedAt: number): PlannedCheck {
  const windows = computeWindows({
    deployedAt,
    warmup: spec.deploy.warmup,
    baselineWindow: spec.baseline.window,
    postWindow: spec.post.window,
    step: check.step,
  });
  // Canary analysis: stable and canary run side by side, so both are read over the post window.
  const canary = check.baselineQuery !== undefined && check.candidateQuery !== undefined;
  const ranges = rangesForCheck(windows, canary);
  return {
    check,
    mode: canary ? 'canary' : 'before-after',
    windows,
    baseline: { source: check.source, query: (canary ? check.baselineQuery : check.query) as string, range: ranges.baseline },
    candidate: { source: check.source, query: (canary ? check.candidateQuery : check.query) as string, range: ranges.candidate },
  };
}
