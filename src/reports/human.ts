/** The terminal report: what a person reads in a CI log. The only reporter that knows colours. */
import { Chalk, type ChalkInstance } from 'chalk';
import { commandBlocks, rollbackNote } from './commands-text.js';
import { wordNotes } from './notes.js';
import type { CheckResult, Labels, RunResult } from '../types.js';
import { sanitizeText } from '../sanitize-text.js';
import { describeDecisionTime, errorApart, formatLabels, formatWindows } from './format.js';
import { paintVerdict, renderHumanSeries } from './human-series.js';
import { renderSummaryTable } from './human-summary.js';
import { describeReportError } from './report-errors.js';
import type { RenderOptions } from './types.js';
import {
  countChecks,
  describeCounts,
  describeExitCode,
  describeHiddenSeries,
  displayVerdict,
  selectSeries,
} from './summary.js';

const MAX_UNMATCHED_LISTED = 5;

function listLabels(labels: Labels[]): string {
  const listed = labels.slice(0, MAX_UNMATCHED_LISTED).map(formatLabels).join(', ');
  const more = labels.length > MAX_UNMATCHED_LISTED ? ` and ${labels.length - MAX_UNMATCHED_LISTED} more` : '';
  return `${listed}${more}`;
}

function renderCheck(chalk: ChalkInstance, check: CheckResult, unicode: boolean, deployedAt: string): string[] {
  const shown = displayVerdict(check);
  const painted = paintVerdict(chalk, shown === 'WARN' ? 'warn' : check.verdict, chalk.bold(shown));
  const qualifier = check.critical ? '' : ` (non-critical, ${check.verdict})`;
  const lines = [`${painted}  ${chalk.bold(sanitizeText(check.name))}${qualifier}: ${sanitizeText(check.reason)}`];
  const error = errorApart(check);
  if (error !== undefined) lines.push(`  ${chalk.yellow('error:')} ${sanitizeText(error)}`);
  for (const note of check.notes ?? []) lines.push(`  ${chalk.yellow('note:')} ${sanitizeText(note)}`);
  const decided = describeDecisionTime(check, deployedAt);
  if (decided !== null) lines.push(chalk.dim(`  ${decided}`));
  const selection = selectSeries(check.series);
  for (const series of selection.shown) lines.push(...renderHumanSeries(chalk, series, check.reason, '  ', unicode));
  const hidden = describeHiddenSeries(selection);
  if (hidden !== '') lines.push(chalk.dim(`  ${hidden}`));
  const { baseline, candidate } = check.unmatched;
  if (baseline.length > 0) lines.push(chalk.dim(`  unmatched, only in baseline: ${listLabels(baseline)}`));
  if (candidate.length > 0) lines.push(chalk.dim(`  unmatched, only in candidate: ${listLabels(candidate)}`));
  return lines;
}

/**
 * Render the run for a terminal: each check with its series, the warnings, a summary table, then
 * the verdict. `color` (TTY, NO_COLOR, FORCE_COLOR) and `unicode` (locale, VERIFY_DEPLOY_ASCII)
 * are decided by the CLI; without `unicode` the report is ASCII only.
 */
export function renderHuman(result: RunResult, opts: RenderOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const unicode = opts.unicode ?? false;
  const title = result.name !== undefined ? `verify-deploy: ${sanitizeText(result.name)}` : 'verify-deploy';
  const lines = [chalk.bold(`${title} (deployed ${sanitizeText(result.deployedAt)})`), ''];
  if (result.detected !== undefined)
    lines.push(
      `deploy time detected on ${sanitizeText(result.detected.source)}: ${sanitizeText(result.detected.detail)}`,
      '',
    );
  for (const check of result.checks) lines.push(...renderCheck(chalk, check, unicode, result.deployedAt), '');
  if (result.checks.length === 0) lines.push('no checks were run', '');
  const warnings = wordNotes(result.notes);
  if (warnings.length > 0) {
    lines.push(chalk.yellow('Warnings:'), ...warnings.map((warning) => `  - ${sanitizeText(warning)}`), '');
  }
  const reportErrors = result.reportErrors ?? [];
  if (reportErrors.length > 0) {
    lines.push(
      chalk.red('Reports not written:'),
      ...reportErrors.map((failure) => `  - ${sanitizeText(describeReportError(failure))}`),
      '',
    );
  }
  for (const block of commandBlocks(result)) {
    lines.push(chalk.bold(`${block.title}:`), `  ${sanitizeText(block.line)}`, chalk.dim(`  ${block.when}`));
    if (block.tail !== '')
      lines.push(
        chalk.dim('  output (last lines):'),
        ...block.tail.split('\n').map((l) => chalk.dim(`  | ${sanitizeText(l)}`)),
      );
    lines.push('');
  }
  const note = rollbackNote(result);
  if (note !== undefined) lines.push(sanitizeText(note), '');
  const summary = renderSummaryTable(chalk, result.checks, unicode);
  if (summary.length > 0) lines.push(...summary, '');
  const verdict = paintVerdict(
    chalk,
    result.verdict,
    chalk.bold(displayVerdict({ verdict: result.verdict, critical: true })),
  );
  const pad = ' '.repeat(displayVerdict({ verdict: result.verdict, critical: true }).length + 2);
  lines.push(
    `${verdict}  ${describeCounts(countChecks(result))}`,
    `${pad}${sanitizeText(formatWindows(result.windows))}`,
    `${pad}${describeExitCode(result)}`,
  );
  return `${lines.join('\n')}\n`;
}
