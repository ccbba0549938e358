/** A check's reason and notes from its series: shared by point and count checks, and redone after Holm. */
import type { Labels, SeriesResult } from '../types.js';
import { formatLabels } from './wording.js';

/** How many series to name in a check's reason before "and N more". */
const NAMED_IN_REASON = 3;

function namedReasons(results: SeriesResult[], single: boolean): string {
  if (single)
    return results
      .map((r) => (Object.keys(r.labels).length > 0 ? `${formatLabels(r.labels)}: ${r.reason}` : r.reason))
      .join('');
  const named = results.slice(0, NAMED_IN_REASON).map((r) => `${formatLabels(r.labels)}: ${r.reason}`);
  const more = results.length - named.length;
  return named.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** The check's reason: the single series' reason, or which series regressed or were inconclusive. */
export function summariseSeries(series: SeriesResult[]): string {
  if (series.length === 1) return namedReasons(series, true);
  const failed = series.filter((s) => s.verdict === 'fail');
  const inconclusive = series.filter((s) => s.verdict === 'inconclusive');
  const total = series.length;
  if (failed.length > 0) {
    const extra = inconclusive.length > 0 ? ` (${inconclusive.length} more inconclusive)` : '';
    return `${failed.length} of ${total} series regressed${extra}: ${namedReasons(failed, false)}`;
  }
  if (inconclusive.length > 0)
    return `${inconclusive.length} of ${total} series inconclusive: ${namedReasons(inconclusive, false)}`;
  return `all ${total} series passed`;
}

/** "; 2 series only after the deploy and 1 only before it (each judged on its own)", or ''. */
export function unmatchedNote(
  unmatched: { baseline: Labels[]; candidate: Labels[] },
  mode: 'before-after' | 'canary',
): string {
  const after = unmatched.candidate.length;
  const before = unmatched.baseline.length;
  if (after === 0 && before === 0) return '';
  const [later, earlier, earlierAgain] =
    mode === 'canary'
      ? ['in the candidate query', 'in the baseline query', 'in the baseline query']
      : ['after the deploy', 'before the deploy', 'before it'];
  const text =
    after > 0 && before > 0
      ? `${after} series only ${later} and ${before} only ${earlierAgain}`
      : after > 0
        ? `${after} series only ${later}`
        : `${before} series only ${earlier}`;
  return `; ${text} (each judged on its own)`;
}

/** The series' notes for the check, named by series when there are several, without repeats. */
export function collectNotes(series: SeriesResult[]): string[] {
  const notes = series.flatMap((s) =>
    (s.notes ?? []).map((note) => (series.length > 1 ? `${formatLabels(s.labels)}: ${note}` : note)),
  );
  return [...new Set(notes)];
}
