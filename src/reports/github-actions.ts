/**
 * GitHub Actions: the Markdown report appended to the job's step summary, and an annotation per
 * check that did not pass, so the verdict shows on the run's page and the pull request.
 *
 * Annotations are workflow commands written to stderr: the runner reads commands from both
 * streams of a `run:` step (actions/runner, ScriptHandler.cs hands stdout and stderr each to an
 * OutputManager that processes `::` commands), and stdout may carry `--format json`.
 *
 * Which checks annotate, and how:
 * - a critical check that failed: `::error`
 * - a critical inconclusive check: `::error` too, since exit 3 fails the step (inconclusive is not
 *   a pass); `::warning` only when --on-inconclusive pass made the exit code 0
 * - a non-critical check that failed or was inconclusive: `::warning`
 * - every other run warning (e.g. no check is critical): `::warning`
 * - a report that could not be written: `::error`, whatever the verdict
 * GitHub shows 10 annotations of each kind per step: past that, the tenth names the rest.
 */
import { describeFileError } from '../output/describe-file-error.js';
import { wordNotes } from './notes.js';
import type { CheckResult, ReportError, RunResult } from '../types.js';
import { sanitizeText } from '../sanitize-text.js';
import { renderMarkdown } from './markdown.js';
import { errorApart } from './format.js';
import { describeReportError } from './report-errors.js';
import { renderSeriesText } from './series-text.js';
import { displayVerdict } from './summary.js';
import { formatWorkflowCommand } from './workflow-commands.js';

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** Series quoted in one annotation; the others are counted. */
const SERIES_PER_ANNOTATION = 5;

/** What publishToGitHubActions may touch; the CLI passes the real ones, tests their own. */
export interface GitHubActionsIO {
  env: Record<string, string | undefined>;
  /** Write one workflow command line (the CLI: to stderr, redacted, with a newline). */
  writeAnnotation: (line: string) => void;
  /** Append text to a file, creating it if needed (the CLI: fs/promises appendFile). */
  appendFile: (path: string, text: string) => Promise<void>;
  /** Tell the user something went wrong without failing the run (the CLI: stderr). */
  warn: (message: string) => void;
}

interface Annotation {
  kind: 'error' | 'warning';
  title: string;
  message: string;
}

function annotationKind(check: CheckResult, result: RunResult): Annotation['kind'] {
  if (!check.critical) return 'warning';
  if (check.verdict === 'fail') return 'error';
  return result.exitCode === 0 ? 'warning' : 'error';
}

/** The check's reason, its error, then its series that did not pass (two lines each, capped). */
function describeCheck(check: CheckResult): string {
  const lines = [check.reason];
  const error = errorApart(check);
  if (error !== undefined) lines.push(`error: ${error}`);
  const notPassed = check.series.filter((s) => s.verdict !== 'pass');
  for (const series of notPassed.slice(0, SERIES_PER_ANNOTATION)) lines.push(...renderSeriesText(series, check.reason));
  if (notPassed.length > SERIES_PER_ANNOTATION)
    lines.push(`and ${notPassed.length - SERIES_PER_ANNOTATION} more series that did not pass`);
  return lines.map(sanitizeText).join('\n');
}

function checkAnnotations(result: RunResult): Annotation[] {
  return result.checks
    .filter((check) => check.verdict !== 'pass')
    .map((check) => ({
      kind: annotationKind(check, result),
      title: `verify-deploy ${displayVerdict(check)}: ${sanitizeText(check.name)}${check.critical ? '' : ` (non-critical, ${check.verdict})`}`,
      message: describeCheck(check),
    }));
}

/** Run notes, less those that only restate a non-critical check annotated above. */
function warningAnnotations(result: RunResult): Annotation[] {
  return wordNotes(result.notes.filter((note) => note.kind !== 'non-critical-check')).map((warning) => ({
    kind: 'warning',
    title: 'verify-deploy warning',
    message: sanitizeText(warning),
  }));
}

/** Each report that could not be written; an error whatever the verdict, since someone expects the file. */
function reportErrorAnnotations(result: RunResult): Annotation[] {
  return (result.reportErrors ?? []).map((failure) => ({
    kind: 'error',
    title: 'verify-deploy: report not written',
    message: sanitizeText(describeReportError(failure)),
  }));
}

/** Keep GitHub's per-kind limit: the last shown annotation names the ones it stands for. */
function capKind(annotations: Annotation[], kind: Annotation['kind']): Annotation[] {
  const ofKind = annotations.filter((a) => a.kind === kind);
  if (ofKind.length <= ANNOTATIONS_PER_KIND) return ofKind;
  const shown = ofKind.slice(0, ANNOTATIONS_PER_KIND - 1);
  const rest = ofKind.slice(ANNOTATIONS_PER_KIND - 1);
  const noun = kind === 'error' ? 'errors' : 'warnings';
  return [
    ...shown,
    { kind, title: `verify-deploy: ${rest.length} more ${noun}`, message: rest.map((a) => a.title).join('\n') },
  ];
}

/** The workflow command lines for the run, errors first; none for a run where every check passed. */
export function renderAnnotations(result: RunResult): string[] {
  const all = [...reportErrorAnnotations(result), ...checkAnnotations(result), ...warningAnnotations(result)];
  return [...capKind(all, 'error'), ...capKind(all, 'warning')].map((a) =>
    formatWorkflowCommand(a.kind, { title: a.title }, a.message),
  );
}

/**
 * Publish the run to GitHub Actions: append the Markdown report to $GITHUB_STEP_SUMMARY when it is
 * set (appended, never overwritten: other tools share the file), and annotate when
 * GITHUB_ACTIONS=true. A summary that cannot be written is a warning, never a failure: the
 * verdict and exit code are the gate, the summary a convenience.
 */
export async function publishToGitHubActions(result: RunResult, io: GitHubActionsIO): Promise<void> {
  await appendStepSummary(result, io);
  writeAnnotations(result, io);
}

/** Append the Markdown report to $GITHUB_STEP_SUMMARY when it is set; the failure, if any, is returned and told to `warn`. */
export async function appendStepSummary(
  result: RunResult,
  io: Pick<GitHubActionsIO, 'env' | 'appendFile' | 'warn'>,
): Promise<ReportError | undefined> {
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  if (summaryPath === undefined || summaryPath === '') return undefined;
  try {
    await io.appendFile(summaryPath, `\n${renderMarkdown(result)}`);
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.warn(`cannot append the report to GITHUB_STEP_SUMMARY (${summaryPath}): ${reason}`);
    return { path: summaryPath, error: describeFileError(error) };
  }
}

/** The annotations, on GitHub Actions only (GITHUB_ACTIONS=true). */
export function writeAnnotations(result: RunResult, io: Pick<GitHubActionsIO, 'env' | 'writeAnnotation'>): void {
  if (io.env.GITHUB_ACTIONS === 'true') for (const line of renderAnnotations(result)) io.writeAnnotation(line);
}
