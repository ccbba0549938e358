/** What a run will read: per check, which query over which window. Pure, so --dry-run shows the truth. */
import { findSpecWarnings } from '../spec-file/spec-warnings.js';
import type { CheckSpec, Spec } from '../spec-model.js';
import { computeWindows, rangesForCheck, alignUp } from '../time/windows.js';
import type { TimeRange, Windows } from '../types.js';
import { offsetBaselineWindow, withOffsetBaseline } from './offset-baseline.js';

import type { CheckMode } from '../judge/check-mode.js';

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
  /** What each side reads; for a count check, its numerator. */
  baseline: PlannedQuery;
  candidate: PlannedQuery;
  /** Count checks only: the denominator of each side, read over the same range as its numerator. */
  denominators?: { baseline: PlannedQuery; candidate: PlannedQuery };
}

export interface RunPlan {
  deployedAt: number;
  /** Nominal windows (not step-aligned), for the report. */
  windows: { baseline: { start: number; end: number }; post: { start: number; end: number } };
  checks: PlannedCheck[];
  /** When the last post window ends: the run cannot judge before then. */
  readyAt: number;
  /** Notes about the spec for the report (e.g. a step shorter than a rate() range). */
  warnings?: string[];
}

/** Resolve every check's windows (aligned to its step) and queries for a deploy at `deployedAt`. */
export function planRun(spec: Spec, deployedAt: number): RunPlan {
  const checks = spec.checks.map((check) => planCheck(spec, check, deployedAt));
  const postStart = deployedAt + spec.deploy.warmup;
  const postEnd = postStart + spec.post.window;
  const { offset } = spec.baseline;
  const warnings = findSpecWarnings(spec);
  return {
    deployedAt,
    windows: {
      baseline:
        offset === undefined
          ? { start: deployedAt - spec.baseline.window, end: deployedAt }
          : offsetBaselineWindow(postEnd, offset, spec.baseline.window),
      post: { start: postStart, end: postEnd },
    },
    checks,
    readyAt: Math.max(postEnd, ...checks.map((c) => c.windows.post.end)),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function planCheck(spec: Spec, check: CheckSpec, deployedAt: number): PlannedCheck {
  const aligned = computeWindows({
    deployedAt,
    warmup: spec.deploy.warmup,
    baselineWindow: spec.baseline.window,
    postWindow: spec.post.window,
    step: check.step,
  });
  // Canary analysis: stable and canary run side by side, so both are read over the post window.
  const canary = check.baselineQuery !== undefined && check.candidateQuery !== undefined;
  // The spec loader refuses an offset beside canary checks; they would not read it anyway.
  const offset = canary ? undefined : spec.baseline.offset;
  const windows = offset === undefined ? aligned : withOffsetBaseline(aligned, offset, spec.baseline.window);
  const ranges = rangesForCheck(windows, canary);
  if (check.numerator !== undefined && check.denominator !== undefined)
    return planCountCheck(check, windows, ranges, deployedAt + spec.deploy.warmup);
  return {
    check,
    mode: canary ? 'canary' : 'before-after',
    windows,
    baseline: {
      source: check.source,
      query: (canary ? check.baselineQuery : check.query) as string,
      range: ranges.baseline,
    },
    candidate: {
      source: check.source,
      query: (canary ? check.candidateQuery : check.query) as string,
      range: ranges.candidate,
    },
  };
}

/**
 * A count check reads four queries: numerator and denominator over each window. A point at t
 * counts the events of (t - step, t], so each range starts at the first point whose step starts
 * at or after its window's start (the baseline's start; the deploy plus warmup for the post
 * window): the points then tile the window exactly, and the post window's first point holds no
 * event from before the deploy.
 */
function planCountCheck(
  check: CheckSpec,
  windows: Windows,
  aligned: { baseline: TimeRange; candidate: TimeRange },
  postFrom: number,
): PlannedCheck {
  const ranges = {
    baseline: countRange(aligned.baseline, aligned.baseline.start),
    candidate: countRange(aligned.candidate, postFrom),
  };
  const query = (text: string, range: TimeRange): PlannedQuery => ({ source: check.source, query: text, range });
  const numerator = check.numerator as string;
  const denominator = check.denominator as string;
  return {
    check,
    mode: 'before-after',
    windows,
    baseline: query(numerator, ranges.baseline),
    candidate: query(numerator, ranges.candidate),
    denominators: { baseline: query(denominator, ranges.baseline), candidate: query(denominator, ranges.candidate) },
  };
}

/** The points of `range` whose step (t - step, t] starts at or after `from`. */
function countRange(range: TimeRange, from: number): TimeRange {
  const first = Math.max(range.start, alignUp(from + range.step, range.step));
  return { ...range, start: Math.min(range.end, first) };
}
