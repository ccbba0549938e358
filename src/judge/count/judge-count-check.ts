/**
 * Judge a count check: numerator and denominator series of each side become steps of (events,
 * trials), baseline series are paired with candidate series by labels as in judgeCheck, and each
 * pair is judged on its summed counts (classify-counts.ts). Missing data is inconclusive.
 */
import type { CheckSpec } from '../../spec-model.js';
import type { CheckResult, SeriesResult } from '../../types.js';
import { describeDrift } from '../drift.js';
import type { CheckMode } from '../check-mode.js';
import { summariseSeries, unmatchedNote, collectNotes } from '../check-summary.js';
import { matchSeries } from '../match.js';
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

/** Judge a count check's baseline counts against its candidate counts. Pure: no I/O. */
export function judgeCountCheck(check: CheckSpec, baseline: CountSeries, candidate: CountSeries, mode: CheckMode): CheckResult {
  const head = { name: check.name, critical: check.critical };
  const b = buildCountSides(baseline, check.ignoreLabels);
  const c = buildCountSides(candidate, check.ignoreLabels);
  if (b.sides.length === 0 || c.sides.length === 0) {
    const reason = b.sides.length === 0 && c.sides.length === 0 ? 'no traffic data on either side: the denominator query returned nothing' : missing(b.sides.length === 0 ? 'baseline' : 'candidate');
    return { ...head, verdict: 'inconclusive', reason, series: [], unmatched: { baseline: b.unmatchedNumerators, candidate: c.unmatchedNumerators } };
  }
  const matched = matchSeries(b.series, c.series, check.ignoreLabels);
  const unmatched = {
    baseline: [...matched.unmatched.baseline, ...b.unmatchedNumerators],
    candidate: [...matched.unmatched.candidate, ...c.unmatchedNumerators],
  };
  const note = unmatchedNote(unmatched);
  if (matched.pairs.length === 0) {
    return { ...head, verdict: 'inconclusive', reason: `no series matched between baseline and candidate by their labels${note}; consider ignoreLabels`, series: [], unmatched };
  }
  const series: SeriesResult[] = matched.pairs.map((pair) => {
    const bs = poolSides(pair.baseline.map((p) => b.sides[p.v]!), pair.labels);
    const cs = poolSides(pair.candidate.map((p) => c.sides[p.v]!), pair.labels);
    const result = { ...classifyCountSeries(check, pair.labels, bs, cs), samples: { baseline: ratePoints(bs), candidate: ratePoints(cs) } };
    const drift = mode === 'before-after' ? describeDrift(rateSample(bs), rateSample(cs).times, check) : null;
    return drift === null ? result : { ...result, notes: [...(result.notes ?? []), drift] };
  });
  const verdict = worstVerdict(series.map((s) => s.verdict), 'inconclusive');
  const notes = collectNotes(series);
  return { ...head, verdict, reason: summariseSeries(series) + note, series, unmatched, ...(notes.length > 0 ? { notes } : {}) };
}
