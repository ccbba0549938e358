/**
 * Judge one check: pair the series, classify each pair, judge each series found on one side only
 * (one-sided.ts), and take the worst verdict. Missing data is inconclusive, never pass: a side
 * with no series at all judges nothing (nothing shows the query had data there to stand for 0).
 */
import type { CheckMode } from './check-mode.js';
import type { CheckSpec } from '../spec-model.js';
import type { CheckResult, Series } from '../types.js';
import { collectNotes, summariseSeries, unmatchedNote } from './check-summary.js';
import { classifySeries } from './classify-series.js';
import { matchSeries } from './match.js';
import { answeredSteps, judgeOneSided } from './one-sided.js';
import { worstVerdict } from './verdict.js';

/** Before/after reads one query over two windows; canary reads two queries over the post window. */

function missingData(baseline: Series[], candidate: Series[], mode: CheckMode): string {
  const side = (which: 'baseline' | 'candidate'): string =>
    mode === 'canary'
      ? `the ${which} query returned no data`
      : `no data in the ${which === 'baseline' ? 'baseline' : 'post'} window`;
  if (baseline.length === 0 && candidate.length === 0) {
    return mode === 'canary' ? 'neither query returned data' : 'no data in the baseline window nor in the post window';
  }
  return side(baseline.length === 0 ? 'baseline' : 'candidate');
}

/** Judge a check's baseline series against its candidate series. Pure: no I/O. */
export function judgeCheck(check: CheckSpec, baseline: Series[], candidate: Series[], mode: CheckMode): CheckResult {
  const base = { name: check.name, critical: check.critical };
  if (baseline.length === 0 || candidate.length === 0) {
    const unmatched = { baseline: baseline.map((s) => s.labels), candidate: candidate.map((s) => s.labels) };
    return { ...base, verdict: 'inconclusive', reason: missingData(baseline, candidate, mode), series: [], unmatched };
  }
  const matched = matchSeries(baseline, candidate, check.ignoreLabels);
  const noPair =
    matched.pairs.length === 0
      ? '; no series matched between baseline and candidate by their labels, consider ignoreLabels'
      : '';
  const series = [
    ...matched.pairs.map((pair) => classifySeries(check, pair, mode)),
    ...matched.oneSided.candidate.map((s) => judgeOneSided(check, s, 'candidate-only', answeredSteps(baseline), mode)),
    ...matched.oneSided.baseline.map((s) => judgeOneSided(check, s, 'baseline-only', answeredSteps(candidate), mode)),
  ];
  const verdict = worstVerdict(
    series.map((s) => s.verdict),
    'inconclusive',
  );
  const notes = collectNotes(series);
  const tail = unmatchedNote(matched.unmatched, mode) + noPair;
  return {
    ...base,
    verdict,
    reason: summariseSeries(series) + tail,
    ...(tail !== '' ? { reasonTail: tail } : {}),
    series,
    unmatched: matched.unmatched,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
