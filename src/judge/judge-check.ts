/**
 * Judge one check: pair the series, classify each pair, and take the worst verdict. Missing data
 * is inconclusive, never pass: no series on a side, or no pair at all, judges nothing.
 */
import type { CheckSpec } from '../spec/types.js';
import type { CheckResult, Labels, Series, SeriesResult } from '../types.js';
import { classifySeries } from './classify-series.js';
import { matchSeries } from './match.js';
import { worstVerdict } from './verdict.js';
import { formatLabels } from './wording.js';

/** Before/after reads one query over two windows; canary reads two queries over the post window. */
export type JudgeMode = 'before-after' | 'canary';

/** How many series to name in a check's reason before "and N more". */
const NAMED_IN_REASON = 3;

function missingData(baseline: Series[], candidate: Series[], mode: JudgeMode): string {
  const side = (which: 'baseline' | 'candidate'): string =>
    mode === 'canary' ? `the ${which} query returned no data` : `no data in the ${which === 'baseline' ? 'baseline' : 'post'} window`;
  if (baseline.length === 0 && candidate.length === 0) {
    return mode === 'canary' ? 'neither query returned data' : 'no data in the baseline window nor in the post window';
  }
  return side(baseline.length === 0 ? 'baseline' : 'candidate');
}

function namedReasons(results: SeriesResult[], single: boolean): string {
  if (single) return results.map((r) => (Object.keys(r.labels).length > 0 ? `${formatLabels(r.labels)}: ${r.reason}` : r.reason)).join('');
  const named = results.slice(0, NAMED_IN_REASON).map((r) => `${formatLabels(r.labels)}: ${r.reason}`);
  const more = results.length - named.length;
  return named.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function summarise(series: SeriesResult[]): string {
  if (series.length === 1) return namedReasons(series, true);
  const failed = series.filter((s) => s.verdict === 'fail');
  const inconclusive = series.filter((s) => s.verdict === 'inconclusive');
  const total = series.length;
  if (failed.length > 0) {
    const extra = inconclusive.length > 0 ? ` (${inconclusive.length} more inconclusive)` : '';
    return `${failed.length} of ${total} series regressed${extra}: ${namedReasons(failed, false)}`;
  }
  if (inconclusive.length > 0) return `${inconclusive.length} of ${total} series inconclusive: ${namedReasons(inconclusive, false)}`;
  return `all ${total} series passed`;
}

function unmatchedNote(unmatched: { baseline: Labels[]; candidate: Labels[] }): string {
  const parts = [
    unmatched.baseline.length > 0 ? `${unmatched.baseline.length} baseline` : '',
    unmatched.candidate.length > 0 ? `${unmatched.candidate.length} candidate` : '',
  ].filter(Boolean);
  return parts.length === 0 ? '' : `; ${parts.join(' and ')} series without a match (listed, not judged)`;
}

/** Judge a check's baseline series against its candidate series. Pure: no I/O. */
export function judgeCheck(check: CheckSpec, baseline: Series[], candidate: Series[], mode: JudgeMode): CheckResult {
  const base = { name: check.name, critical: check.critical };
  if (baseline.length === 0 || candidate.length === 0) {
    const unmatched = { baseline: baseline.map((s) => s.labels), candidate: candidate.map((s) => s.labels) };
    return { ...base, verdict: 'inconclusive', reason: missingData(baseline, candidate, mode), series: [], unmatched };
  }
  const matched = matchSeries(baseline, candidate, check.ignoreLabels);
  const note = unmatchedNote(matched.unmatched);
  if (matched.pairs.length === 0) {
    const reason = `no series matched between baseline and candidate by their labels${note}; consider ignoreLabels`;
    return { ...base, verdict: 'inconclusive', reason, series: [], unmatched: matched.unmatched };
  }
  const series = matched.pairs.map((pair) => classifySeries(check, pair));
  const verdict = worstVerdict(series.map((s) => s.verdict), 'inconclusive');
  return { ...base, verdict, reason: summarise(series) + note, series, unmatched: matched.unmatched };
}
