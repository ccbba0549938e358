/** What a run will read: per check, which query over which window. Pure, so --dry-run shows the truth. */
import { queryLookback } from '../spec-file/promql-ranges.js';
import { findSpecWarnings } from '../spec-file/spec-warnings.js';
import type { CheckSpec, Spec } from '../spec-model.js';
import { alignUp, computeWindows, rangesForCheck } from '../time/windows.js';
import type { TimeRange, Windows } from '../types.js';
import { offsetBaselineWindow, withOffsetBaseline } from './offset-baseline.js';
import { planHistory, type PlannedHistory } from './history-plan.js';
import { countCheckOf, ratioCountParts } from './ratio-counts.js';

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
  /** Seconds of `baseline.offset` when the check's baseline is read that much earlier (its points pair with the post window's). */
  offset?: number;
  windows: Windows;
  /**
   * Seconds of data each point reads back (the query's largest range; a count check's step): the
   * first post point is the first whose range starts at or after deploy + warmup.
   */
  lookback: number;
  /** What each side reads; for a count check, its numerator. */
  baseline: PlannedQuery;
  candidate: PlannedQuery;
  /** Count checks only: the denominator of each side, read over the same range as its numerator. */
  denominators?: { baseline: PlannedQuery; candidate: PlannedQuery };
  /** `baseline.history`: the query over the history before the deploy (before/after value checks). */
  history?: PlannedHistory;
  /** A ratio query of counts (ratio-counts.ts): the count check its looks watch while `run` waits. */
  countWatch?: PlannedCheck;
}

export interface RunPlan {
  deployedAt: number;
  /** Nominal windows (not step-aligned), for the report. */
  windows: {
    /** `offset`: seconds of `baseline.offset`, when set. */
    baseline: { start: number; end: number; offset?: number };
    post: { start: number; end: number };
  };
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
          : { ...offsetBaselineWindow(postEnd, offset, spec.baseline.window), offset },
      post: { start: postStart, end: postEnd },
    },
    checks,
    readyAt: Math.max(postEnd, ...checks.map((c) => c.windows.post.end)),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function planCheck(spec: Spec, check: CheckSpec, deployedAt: number): PlannedCheck {
  const lookback = lookbackOf(check);
  const aligned = computeWindows({
    deployedAt,
    warmup: spec.deploy.warmup,
    baselineWindow: spec.baseline.window,
    postWindow: spec.post.window,
    step: check.step,
    lookback,
  });
  // Canary analysis: stable and canary run side by side, so both are read over the post window.
  const canary = check.baselineQuery !== undefined && check.candidateQuery !== undefined;
  // The spec loader refuses an offset beside canary checks; they would not read it anyway.
  const offset = canary ? undefined : spec.baseline.offset;
  const windows =
    offset === undefined ? aligned : withOffsetBaseline(aligned, offset, spec.baseline.window, aligned.baseline.end);
  const ranges = rangesForCheck(windows, canary);
  if (check.numerator !== undefined && check.denominator !== undefined)
    return planCountCheck(check, windows, lookback, ranges, offset);
  const history = planHistory(spec, check, windows, canary);
  const counts = canary || check.query === undefined ? null : ratioCountParts(check.query, check.step);
  return {
    ...(history !== undefined ? { history } : {}),
    ...(counts?.kind === 'derived' ? { countWatch: planCheck(spec, countCheckOf(check, counts), deployedAt) } : {}),
    check,
    mode: canary ? 'canary' : 'before-after',
    ...(offset !== undefined ? { offset } : {}),
    windows,
    lookback,
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
 * How far back each point of the check reads: the largest range of its queries, and for a count
 * check at least its step (a point counts the events of (t - step, t]).
 */
function lookbackOf(check: CheckSpec): number {
  const queries = [check.query, check.baselineQuery, check.candidateQuery, check.numerator, check.denominator];
  const longest = Math.max(0, ...queries.map((q) => (q === undefined ? 0 : queryLookback(q))));
  return check.numerator !== undefined ? Math.max(longest, check.step) : longest;
}

/**
 * A count check reads four queries: numerator and denominator over each window. A point at t
 * counts the events of (t - step, t], so the baseline's range starts at the first point whose step
 * starts at or after the window's start, and the post window's first point is the first whose step
 * starts at or after the deploy plus warmup (its lookback is the step): the points then tile each
 * window exactly, and the post window's first point holds no event from before the deploy.
 */
function planCountCheck(
  check: CheckSpec,
  windows: Windows,
  lookback: number,
  aligned: { baseline: TimeRange; candidate: TimeRange },
  offset: number | undefined,
): PlannedCheck {
  const ranges = { baseline: countRange(aligned.baseline), candidate: aligned.candidate };
  const query = (text: string, range: TimeRange): PlannedQuery => ({ source: check.source, query: text, range });
  const numerator = check.numerator as string;
  const denominator = check.denominator as string;
  return {
    check,
    mode: 'before-after',
    ...(offset !== undefined ? { offset } : {}),
    windows,
    lookback,
    baseline: query(numerator, ranges.baseline),
    candidate: query(numerator, ranges.candidate),
    denominators: { baseline: query(denominator, ranges.baseline), candidate: query(denominator, ranges.candidate) },
  };
}

/** The points of `range` whose step (t - step, t] starts at or after the range's start. */
function countRange(range: TimeRange): TimeRange {
  const first = Math.max(range.start, alignUp(range.start + range.step, range.step));
  return { ...range, start: Math.min(range.end, first) };
}
