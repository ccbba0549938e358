/**
 * A deploy's change judged against the natural variability of its series. The within-window test
 * (compare.ts) measures how noisy the points are inside the two windows; on a persistent metric
 * (a latency that wanders over tens of minutes) that says little about how far apart two whole
 * windows drift, so it is either too sure (false alarms) or too short to say (inconclusive). The
 * history's spread (spread.ts) is the variance of the whole change between adjacent windows when
 * nothing was deployed, within-window noise and between-window wander together.
 *
 * The combined variance: the history's spread already holds a typical window's own noise (each past
 * change was measured like this one), so it is the variance of this change whenever the current
 * windows are as noisy as history's usual ones. Whether they are is asked like for like: the
 * points' scatter in the current windows (spread.ts windowNoise) against its root mean square over
 * history's windows. Only when it is more than NOISIER times history's are the windows noisier than
 * history shows (an incident, a new traffic mix), and then the larger of the within-window error
 * and the spread is used. The within-window error itself is no measure of that: on a persistent
 * series it is the long-run variance estimated cautiously from a few correlated points, typically
 * 2 to 3 times the honest spread at lag-1 correlation 0.9, and letting it replace the spread whenever
 * it exceeded twice the spread cut the power at +50% (lag-1 0.9) from 39% to 16% in the benchmark
 * (docs/benchmarks.md, "baseline.history: the windows' noise against history's"). Without the
 * scatter on either side, the within-window error replaces the spread when it is more than NOISIER
 * times it. The tolerance is
 * part of the null: a check fails only when the one-sided (1 - alpha) bound of the change lies
 * beyond the tolerance under the combined variance (Student t with the history's non-overlapping
 * spans as degrees of freedom), and passes otherwise: history decides what the windows alone
 * could not, so a healthy persistent metric passes instead of being inconclusive.
 */
import type { Direction } from '../../types.js';
import { normalQuantile } from '../stats/normal.js';
import { studentTSurvival, studentTUpperQuantile } from '../stats/student-t.js';
import type { HistorySpread } from './spread.js';

/** How many times history's scatter (or, without it, spread) the windows' must be to count as noisier. */
export const NOISIER = 2;

/** What the within-window comparison found (ComparisonOutcome's numbers). */
export interface WithinWindow {
  relativeChange: number | null;
  /** Two-sided interval of relativeChange at `intervalConfidence`. */
  relativeChangeInterval: [number, number] | null;
  intervalConfidence: number;
  /** The points' scatter in the current windows (spread.ts windowNoise), when known. */
  noise?: number | null;
}

export interface HistoryCheck {
  direction: Direction;
  tolerance: number;
  confidence: number;
}

/** The change re-decided against within-window noise and history's spread together. */
export interface HistoryDecision {
  regressed: boolean;
  /** P of a change this far past the tolerance's edge (one-sided; `either`: the smaller side, doubled). */
  pValue: number;
  relativeChange: number;
  /** Two-sided interval at `intervalConfidence`: 1 - 2 alpha for one-sided checks (its bad end is the test's bound), 1 - alpha for `either`. */
  relativeChangeInterval: [number, number];
  intervalConfidence: number;
  /** Standard errors of the change on `spread.scale`: within the windows, from history, combined. */
  withinError: number;
  historyError: number;
  combinedError: number;
  degreesOfFreedom: number;
}

/** Forward and back between a relative change and the scale the spread was measured on. */
function scaleOf(spread: HistorySpread): { to: (r: number) => number; from: (d: number) => number } {
  return spread.scale === 'log' ? { to: Math.log1p, from: Math.expm1 } : { to: (r) => r, from: (d) => d };
}

/** The within-window standard error read back from its interval (0 when there is none to read). */
function withinErrorOf(within: WithinWindow, to: (r: number) => number): number {
  const interval = within.relativeChangeInterval;
  if (interval === null) return 0;
  const [lo, hi] = interval.map(to) as [number, number];
  const z = normalQuantile(1 - (1 - within.intervalConfidence) / 2);
  const error = (hi - lo) / (2 * z);
  return Number.isFinite(error) && error > 0 ? error : 0;
}

/** Whether the current windows are noisier than history's: their points' scatter if both sides have it, else the within-window error against the spread. */
function noisierThanHistory(within: WithinWindow, spread: HistorySpread, withinError: number): boolean {
  const noise = within.noise;
  if (typeof noise === 'number' && spread.noise !== undefined && spread.noise > 0)
    return noise > NOISIER * spread.noise;
  return withinError > NOISIER * spread.spread;
}

/** Re-decide a within-window comparison with history's spread; null when its change cannot be placed on the spread's scale. */
export function decideWithHistory(
  within: WithinWindow,
  spread: HistorySpread,
  check: HistoryCheck,
): HistoryDecision | null {
  const r = within.relativeChange;
  if (r === null || !Number.isFinite(r) || (spread.scale === 'log' && r <= -1)) return null;
  const { to, from } = scaleOf(spread);
  const alpha = Number((1 - check.confidence).toPrecision(12));
  const d = to(r);
  const withinError = withinErrorOf(within, to);
  const historyError = spread.spread;
  const combinedError = noisierThanHistory(within, spread, withinError)
    ? Math.max(withinError, historyError)
    : historyError;
  // History's degrees of freedom apply when its spread is the variance used; a larger within-window one keeps its own (already widened) interval.
  const df = combinedError === historyError ? spread.degreesOfFreedom : Infinity;
  if (!(combinedError > 0)) return null;
  const survival = (edge: number, sign: 1 | -1): number => studentTSurvival((sign * (d - edge)) / combinedError, df);
  const upEdge = to(check.tolerance);
  const downEdge = check.tolerance < 1 || spread.scale === 'relative' ? to(-check.tolerance) : -Infinity;
  const pValue =
    check.direction === 'increase'
      ? survival(upEdge, 1)
      : check.direction === 'decrease'
        ? survival(downEdge, -1)
        : Math.min(1, 2 * Math.min(survival(upEdge, 1), survival(downEdge, -1)));
  const intervalConfidence = check.direction === 'either' ? 1 - alpha : 1 - 2 * alpha;
  const half = studentTUpperQuantile((1 - intervalConfidence) / 2, df) * combinedError;
  return {
    regressed: pValue < alpha,
    pValue,
    relativeChange: r,
    relativeChangeInterval: [from(d - half), from(d + half)],
    intervalConfidence: Number(intervalConfidence.toPrecision(12)),
    withinError,
    historyError,
    combinedError,
    degreesOfFreedom: df,
  };
}
