/**
 * Judge one check: pair the series, classify each pair, judge each series found on one side only
 * (one-sided.ts), and take the worst verdict. Missing data is inconclusive, never pass: a side
 * with no series at all judges nothing (nothing shows the query had data there to stand for 0).
 */
import { pairingOffset, type CheckMode } from './check-mode.js';
import type { CheckSpec } from '../spec-model.js';
import type { CheckResult, Series } from '../types.js';
import { collectNotes, summariseSeries, unmatchedNote } from './check-summary.js';
import { classifySeries } from './classify-series.js';
import { withValueImpact } from './impact/value-impact.js';
import { historiesOfPairs, type CheckHistory } from './history/history-of-pair.js';
import { judgeWithHistory } from './history/judge-with-history.js';
import { matchSeries } from './match.js';
import { answeredSteps, judgeOneSided } from './one-sided.js';
import { worstVerdict } from './verdict.js';

/** Before/after reads one query over two windows; canary reads two queries over the post window. */

const EMPTY_HINT = 'check the metric name and label values: an empty result is not an error to Prometheus';

/** A query as a reason quotes it: on one line, at most 200 characters. */
function quoted(query: string | undefined): string {
  if (query === undefined) return '';
  const line = query.replace(/\s+/g, ' ').trim();
  return ` \`${line.length > 200 ? `${line.slice(0, 199)}…` : line}\``;
}

/** Which side had no series, naming the query and its likely cause (sampled checks have no query). */
function missingData(check: CheckSpec, baseline: Series[], candidate: Series[], mode: CheckMode): string {
  if (mode === 'canary') {
    if (baseline.length === 0 && candidate.length === 0) {
      const queries = [check.baselineQuery ?? check.query, check.candidateQuery ?? check.query].map(quoted).join(',');
      return `neither query returned data${queries === ',' ? '' : ` (${queries.trim()}; ${EMPTY_HINT})`}`;
    }
    const which = baseline.length === 0 ? 'baseline' : 'candidate';
    const query = quoted((which === 'baseline' ? check.baselineQuery : check.candidateQuery) ?? check.query);
    return `the ${which} query${query} returned no data${query === '' ? '' : ` (${EMPTY_HINT})`}`;
  }
  const query = quoted(check.query);
  if (baseline.length === 0 && candidate.length === 0) {
    const why = query === '' ? '' : `: the query${query} returned no series in either (${EMPTY_HINT})`;
    return `no data in the baseline window nor in the post window${why}`;
  }
  if (baseline.length === 0) {
    const why =
      query === ''
        ? ''
        : `: the query${query} returned no series there (does the server's history reach back that far? \`verify-deploy check\` shows how far it reaches)`;
    return `no data in the baseline window${why}`;
  }
  const why =
    query === ''
      ? ''
      : `: the query${query} returned no series after the deploy (is the new version scraped, under the same labels?)`;
  return `no data in the post window${why}`;
}

/**
 * Judge a check's baseline series against its candidate series. Pure: no I/O. `offset`: seconds
 * of `baseline.offset` when the baseline was read that much earlier (its points pair with the
 * post window's, like a canary's).
 * With `history`
 * (`baseline.history`), each pair's change is also judged against how much adjacent windows of
 * its history differ (history/).
 */
export function judgeCheck(
  check: CheckSpec,
  baseline: Series[],
  candidate: Series[],
  mode: CheckMode,
  offset?: number,
  history?: CheckHistory,
): CheckResult {
  const base = { name: check.name, critical: check.critical };
  if (baseline.length === 0 || candidate.length === 0) {
    const unmatched = { baseline: baseline.map((s) => s.labels), candidate: candidate.map((s) => s.labels) };
    return {
      ...base,
      verdict: 'inconclusive',
      reason: missingData(check, baseline, candidate, mode),
      series: [],
      unmatched,
    };
  }
  const matched = matchSeries(baseline, candidate, check.ignoreLabels);
  const noPair =
    matched.pairs.length === 0
      ? '; no series matched between baseline and candidate by their labels, consider ignoreLabels'
      : '';
  const histories = history !== undefined ? historiesOfPairs(history, matched, check) : [];
  const series = [
    ...matched.pairs.map((pair, i) =>
      withValueImpact(
        judgeWithHistory(classifySeries(check, pair, mode, pairingOffset(mode, offset)), histories[i], check),
        pair,
        check,
      ),
    ),
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
