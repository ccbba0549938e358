/**
 * Judge a count check: numerator and denominator series of each side become steps of (events,
 * trials), baseline series are paired with candidate series by labels as in judgeCheck, and each
 * pair is judged on its summed counts (classify-counts.ts). Missing data is inconclusive.
 *
 * Nothing is left unjudged: a numerator series with no denominator partner on its side (the two
 * queries aggregate by different labels) is an inconclusive series, and a series whose traffic
 * exists on one side only is judged against no traffic on the other (inconclusive for too little
 * traffic unless a `max`/`min` bound already fails it). Errors that appear on a route that had
 * traffic but no errors before are 0 events before (count-series.ts), so they are a plain pair.
 */
import type { CheckSpec } from '../../spec-model.js';
import type { CheckResult, SeriesResult, Labels, Point } from '../../types.js';
import { describeDrift } from '../drift.js';
import { pairingOffset, type CheckMode } from '../check-mode.js';
import { summariseSeries, unmatchedNote, collectNotes } from '../check-summary.js';
import { matchSeries } from '../match.js';
import { describePresence, type Presence } from '../one-sided.js';
import { describeSample } from '../stats/describe.js';
import { cleanPoints } from '../clean.js';
import { framePValue } from '../decide.js';
import { worstVerdict } from '../verdict.js';
import { classifyCountSeries } from './classify-counts.js';
import { buildCountSides, poolSides, ratePoints, type CountSide, type CountSeries } from './count-series.js';

function missing(which: string): string {
  return `no ${which} data: the denominator query returned nothing`;
}

function rateSample(side: CountSide): { ordered: Float64Array; sorted: Float64Array; times: Float64Array } {
  const steps = side.steps.filter((s) => s.trials > 0);
  const ordered = Float64Array.from(steps.map((s) => s.events / s.trials));
  return { ordered, sorted: Float64Array.from(ordered).sort(), times: Float64Array.from(steps.map((s) => s.t)) };
}

/**
 * Judge a count check's baseline counts against its candidate counts. Pure: no I/O. `offset`:
 * seconds of `baseline.offset` when the baseline was read that much earlier; then (and in canary
 * mode, both sides over the same window) the series are compared step by step (paired-counts.ts).
 */
export function judgeCountCheck(
  check: CheckSpec & { margin?: number },
  baseline: CountSeries,
  candidate: CountSeries,
  mode: CheckMode,
  offset?: number,
): CheckResult {
  const paired = pairingOffset(mode, offset);
  const pairing = paired === null ? undefined : { offset: paired };
  const head = { name: check.name, critical: check.critical };
  const b = buildCountSides(baseline, check.ignoreLabels);
  const c = buildCountSides(candidate, check.ignoreLabels);
  if (b.sides.length === 0 || c.sides.length === 0) {
    const reason =
      b.sides.length === 0 && c.sides.length === 0
        ? 'no traffic data on either side: the denominator query returned nothing'
        : missing(b.sides.length === 0 ? 'baseline' : 'candidate');
    return {
      ...head,
      verdict: 'inconclusive',
      reason,
      series: [],
      unmatched: { baseline: b.unmatchedNumerators, candidate: c.unmatchedNumerators },
    };
  }
  const matched = matchSeries(b.series, c.series, check.ignoreLabels);
  const unmatched = {
    baseline: [...matched.unmatched.baseline, ...b.unmatchedNumerators],
    candidate: [...matched.unmatched.candidate, ...c.unmatchedNumerators],
  };
  const note = unmatchedNote(matched.unmatched, mode);
  const noPair =
    matched.pairs.length === 0
      ? '; no series matched between baseline and candidate by their labels, consider ignoreLabels'
      : '';
  const judgePair = (labels: Labels, bs: CountSide, cs: CountSide): SeriesResult => {
    const result = {
      ...classifyCountSeries(check, labels, bs, cs, pairing),
      samples: { baseline: ratePoints(bs), candidate: ratePoints(cs) },
    };
    const drift = mode === 'before-after' ? describeDrift(rateSample(bs), rateSample(cs).times, check) : null;
    return drift === null ? result : { ...result, notes: [...(result.notes ?? []), drift] };
  };
  const pooled = (set: typeof b, s: { labels: Labels; points: { v: number }[] }): CountSide =>
    poolSides(
      s.points.map((p) => set.sides[p.v]!),
      s.labels,
    );
  const oneSided = (presence: Presence, s: { labels: Labels; points: { v: number }[] }): SeriesResult => {
    const present = pooled(presence === 'candidate-only' ? c : b, s);
    const absent: CountSide = { labels: s.labels, steps: [], dropped: 0, zeroFilled: 0 };
    const judged =
      presence === 'candidate-only' ? judgePair(s.labels, absent, present) : judgePair(s.labels, present, absent);
    const prefix = `${describePresence(presence, mode).where}: `;
    return { ...judged, presence, reason: prefix + judged.reason, ...framePValue(prefix, judged.pFrame, '') };
  };
  const series: SeriesResult[] = [
    ...matched.pairs.map((pair) =>
      judgePair(
        pair.labels,
        pooled(b, { labels: pair.labels, points: pair.baseline }),
        pooled(c, { labels: pair.labels, points: pair.candidate }),
      ),
    ),
    ...matched.oneSided.candidate.map((s) => oneSided('candidate-only', s)),
    ...matched.oneSided.baseline.map((s) => oneSided('baseline-only', s)),
    ...b.numeratorsWithoutDenominator.map((s) => numeratorWithoutDenominator(s.labels, 'baseline', s.points)),
    ...c.numeratorsWithoutDenominator.map((s) => numeratorWithoutDenominator(s.labels, 'candidate', s.points)),
  ];
  const verdict = worstVerdict(
    series.map((s) => s.verdict),
    'inconclusive',
  );
  const notes = collectNotes(series);
  return {
    ...head,
    verdict,
    reason: summariseSeries(series) + note + noPair,
    ...(note + noPair !== '' ? { reasonTail: note + noPair } : {}),
    series,
    unmatched,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** A numerator series with no denominator series of its labels on its side: its events have no trials to be judged against. */
function numeratorWithoutDenominator(
  labels: Labels,
  side: 'baseline' | 'candidate',
  points: readonly Point[],
): SeriesResult {
  const present = describeSample(cleanPoints(points));
  const missing = describeSample(cleanPoints([]));
  return {
    labels,
    verdict: 'inconclusive',
    baseline: side === 'baseline' ? present : missing,
    candidate: side === 'candidate' ? present : missing,
    relativeChange: null,
    relativeChangeInterval: null,
    test: 'none',
    pValue: null,
    reason: `numerator series without a denominator series of the same labels in the ${side}: its events cannot be judged against any traffic; make both queries aggregate by the same labels`,
    rule: 'no-denominator',
  };
}
