/**
 * The words of a run's notes (RunResult.notes, src/types.ts): the one place that turns a note into
 * the line every report shows (the JSON report's `warnings`, the terminal's and Markdown's
 * warnings, JUnit properties, GitHub annotations). Other code builds notes as data and never
 * reads these words back.
 */
import { formatLabels } from '../judge/wording.js';
import { formatDuration } from '../time/duration.js';
import { formatTime } from '../time/format-time.js';
import { formatMoment } from '../time/moment.js';
import type { CutShortCause, RunNote } from '../types.js';

/** Why the post window was judged before it ended, in words (the JSON report's `cutShort`). */
export function wordCutShort(cause: CutShortCause): string {
  switch (cause.kind) {
    case 'interrupted':
      return 'interrupted before the post window ended';
    case 'interrupted-sampling':
      return 'interrupted while sampling';
    case 'wait-limit':
      return `${cause.limit}: judged ${formatMoment(cause.judgedAt, cause.deployedAt)}, before the post window ended ${formatMoment(cause.readyAt, cause.deployedAt)}`;
    case 'early-stop':
      return `stopped early ${formatMoment(cause.at, cause.deployedAt)}, before the post window ended ${formatMoment(cause.readyAt, cause.deployedAt)}: check "${cause.check}" was certain of a regression (anytime-valid sequential test); other checks were judged on the post window so far`;
  }
}

/** One note in words. */
export function wordNote(note: RunNote): string {
  switch (note.kind) {
    case 'non-critical-check':
      return `non-critical check "${note.check}" ${note.verdict === 'fail' ? 'failed' : 'was inconclusive'}: ${note.reason}`;
    case 'no-checks':
      return 'the spec has no checks: nothing was judged';
    case 'no-critical-check':
      return 'no check is critical: nothing gates this run, so it is inconclusive rather than pass';
    case 'cut-short':
      return wordCutShort(note.cause);
    case 'backend-warning':
      return `${note.check}: backend warning: ${note.text}`;
    case 'point-density':
      return (
        `${note.check}: the backend returned ${note.points} points for the ${note.side} series ${formatLabels(note.labels)} where the range holds at most ${note.room} at step ${formatDuration(note.step)}: ` +
        'it did not honour the step (raw samples, or a proxy merging answers), so the points are not one per step; they were judged as autocorrelated samples'
      );
    case 'partial-baseline':
      return `${note.check}: the baseline window holds ${note.points} of ${note.room} points (fullest series ${formatLabels(note.labels)}): ${
        note.cause.kind === 'history'
          ? `the data begins ${formatDuration(note.cause.late)} after the window starts; the server's history does not reach back that far (a server started recently, or retention), so the baseline is shorter than baseline.window`
          : 'gaps in the data (scrapes that failed, a target that was down, or a series that comes and goes)'
      }`;
    case 'spec':
    case 'environment':
      return note.text;
    case 'snapshot':
      return `baseline of the sampled sources: snapshot ${note.path} taken at ${note.takenAt}`;
    case 'sampled-windows':
      return `sampled sources: baseline ${formatTime(note.baseline.start)} .. ${formatTime(note.baseline.end)}, candidate ${formatTime(note.candidate.start)} .. ${formatTime(note.candidate.end)}`;
    case 'spec-fault':
      return `the backend refused ${note.requests === 1 ? 'a query or the credentials' : `${note.requests} requests`} (${note.message}): fix the spec; exit 2`;
    case 'non-critical-spec-fault':
      return `the backend refused a query of the non-critical check "${note.check}" (${note.message}): fix the spec; the exit code is left to the critical checks`;
    case 'inconclusive-policy':
      if (note.because === 'cut-short')
        return `--on-inconclusive pass maps only too little data to exit 0: the post window was cut short (${note.cutShort}); exit 3`;
      return (
        `--on-inconclusive pass maps only too little data to exit 0: ${
          note.checks.length === 1
            ? `the critical check "${note.checks[0]}"`
            : `${note.checks.length} critical checks (first "${note.checks[0]}")`
        } could not read its source (${note.errorKind}), ` + 'so nothing was measured there; exit 3'
      );
  }
}

/** The notes in words, in order, each line once (the JSON report's `warnings`). */
export function wordNotes(notes: readonly RunNote[]): string[] {
  return [...new Set(notes.map(wordNote))];
}
