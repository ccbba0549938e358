/**
 * A series found on one side only: an error series that appears after the deploy (a route or a
 * status code that had no errors before) is the most common shape of a broken deploy, and a
 * throughput series that vanishes is its twin. Such a series is never ignored:
 *
 * - When the check's direction makes its absence meaningful, the absent side is 0: a series that
 *   appears is an increase from 0 (direction `increase` or `either`), one that vanishes is a
 *   decrease to 0 (`decrease` or `either`). The absent side is built as zeros at the steps where
 *   the query answered other series on that side, so a 0 is asserted only where the backend
 *   demonstrably had data for the query; the pair is then judged like any other (the test,
 *   `tolerance`, `max` and `min` all apply).
 * - Otherwise (a series that appears in a check for decreases, one that vanishes in a check for
 *   increases) 0 means nothing (a latency that vanishes did not fall to 0): the series is
 *   inconclusive with the reason, never pass.
 *
 * A label that changes at every deploy (pod, instance) makes every series one-sided; the reason
 * says to list it in `ignoreLabels`, after which the series pair up and are not one-sided.
 */
import type { Direction, Labels, Point, Series, SeriesResult } from '../types.js';
import type { OneSidedSeries } from './match.js';
import { cleanPoints, inTimeOrder } from './clean.js';
import { classifySeries, type SeriesCheck } from './classify-series.js';
import type { CheckMode } from './check-mode.js';
import { framePValue } from './decide.js';
import { describeSample } from './stats/describe.js';

/** Which side a one-sided series was found on. */
export type Presence = 'baseline-only' | 'candidate-only';

/** True when the absence of the series on the other side counts as 0 for this direction. */
export function isAbsenceMeaningful(presence: Presence, direction: Direction): boolean {
  return presence === 'candidate-only' ? direction !== 'decrease' : direction !== 'increase';
}

/** The distinct timestamps of a side's series, in time order: where the query answered on that side. */
export function answeredSteps(side: readonly Series[]): number[] {
  const times = new Set<number>();
  for (const s of side) for (const p of s.points) times.add(p.t);
  return [...times].sort((a, b) => a - b);
}

/** "only after the deploy" / "only in the candidate query", and where the zeros stand. */
export function describePresence(presence: Presence, mode: CheckMode): { where: string; absent: string } {
  if (mode === 'canary') {
    return presence === 'candidate-only'
      ? { where: 'only in the candidate query', absent: 'in the baseline query' }
      : { where: 'only in the baseline query', absent: 'in the candidate query' };
  }
  return presence === 'candidate-only'
    ? { where: 'only after the deploy', absent: 'before it' }
    : { where: 'only before the deploy', absent: 'after it' };
}

const CHURN_HINT = 'if a label such as pod or instance changes at every deploy, list it in ignoreLabels';

function whyNotJudged(presence: Presence): string {
  return presence === 'candidate-only'
    ? 'a series that appears is no decrease, and without a baseline its values cannot be compared'
    : 'a series that vanishes is no increase, and nothing after it can be compared';
}

/** Judge one series found on one side only, against 0 where its direction makes that meaningful. */
export function judgeOneSided(
  check: SeriesCheck,
  series: OneSidedSeries,
  presence: Presence,
  zeroSteps: readonly number[],
  mode: CheckMode,
): SeriesResult {
  const { where, absent } = describePresence(presence, mode);
  const points = inTimeOrder(series.points);
  if (isAbsenceMeaningful(presence, check.direction) && zeroSteps.length > 0) {
    const zeros: Point[] = zeroSteps.map((t) => ({ t, v: 0 }));
    const duplicated = series.duplicated !== undefined ? { duplicated: series.duplicated } : {};
    const pair =
      presence === 'candidate-only'
        ? { labels: series.labels, baseline: zeros, candidate: [...points], ...duplicated }
        : { labels: series.labels, baseline: [...points], candidate: zeros, ...duplicated };
    const judged = classifySeries(check, pair, mode);
    const prefix = `${where}, judged against 0 ${absent}: `;
    return { ...judged, presence, reason: prefix + judged.reason, ...framePValue(prefix, judged.pFrame, '') };
  }
  const present = describeSample(cleanPoints(points));
  const missing = describeSample(cleanPoints([]));
  const reason =
    zeroSteps.length === 0
      ? `${where}, and the query answered nothing else ${absent} to stand for 0 there (${CHURN_HINT})`
      : `${where}: ${whyNotJudged(presence)} (${CHURN_HINT})`;
  return untestedOneSided(series.labels, presence, present, missing, points, reason);
}

function untestedOneSided(
  labels: Labels,
  presence: Presence,
  present: SeriesResult['baseline'],
  missing: SeriesResult['baseline'],
  points: readonly Point[],
  reason: string,
): SeriesResult {
  const candidateOnly = presence === 'candidate-only';
  return {
    labels,
    verdict: 'inconclusive',
    baseline: candidateOnly ? missing : present,
    candidate: candidateOnly ? present : missing,
    relativeChange: null,
    relativeChangeInterval: null,
    test: 'none',
    pValue: null,
    reason,
    rule: 'one-sided',
    presence,
    samples: candidateOnly ? { baseline: [], candidate: points } : { baseline: points, candidate: [] },
  };
}
