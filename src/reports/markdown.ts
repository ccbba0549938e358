/**
 * Markdown for PR comments and GitHub step summaries: the verdict, a summary table of the checks,
 * the warnings, then a section per check with a table of its series. It fits GitHub's comment
 * limit: past it, the last checks' sections are left out with a note saying so (fit-markdown.ts).
 */
import type { CheckResult, Labels, RunResult } from '../types.js';
import { commandBlocks, rollbackNote, type CommandBlock } from './commands-text.js';
import { wordNotes } from './notes.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { fitMarkdown, GITHUB_COMMENT_LIMIT, type MarkdownPart } from './fit-markdown.js';
import {
  describeDecisionTime,
  formatChange,
  formatLabels,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSeriesLabels,
  formatWindows,
} from './format.js';
import { describeReportError } from './report-errors.js';
import { impactLine } from './impact-text.js';
import {
  countChecks,
  describeCounts,
  describeExitCode,
  describeHiddenSeries,
  displayVerdict,
  representativeSeries,
  selectSeries,
  verdictLabel,
} from './summary.js';

/** Unmatched series listed per side before the rest are counted. */
const MAX_UNMATCHED_LISTED = 10;

export interface MarkdownOptions {
  /** The longest document to write, in UTF-16 code units (GitHub counts characters; never fewer). */
  maxLength?: number;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A p-value for a table cell, with the Holm-adjusted one beside it when it differs. */
function pCell(pValue: number | null, adjusted: number | null | undefined): string {
  const bare = (p: number | null | undefined): string => formatPValue(p).replace(/^p (= )?/, '');
  const holm = adjusted === undefined || adjusted === null || adjusted === pValue ? '' : ` (Holm ${bare(adjusted)})`;
  return escapeMarkdown(bare(pValue) + holm);
}

function renderUnmatched(side: string, labels: Labels[]): string[] {
  if (labels.length === 0) return [];
  const listed = labels.slice(0, MAX_UNMATCHED_LISTED).map((l) => markdownCode(formatLabels(l), false));
  const more = labels.length > MAX_UNMATCHED_LISTED ? ` and ${labels.length - MAX_UNMATCHED_LISTED} more` : '';
  return [`Unmatched, only in ${side}: ${listed.join(', ')}${more}`, ''];
}

function renderCheck(check: CheckResult, deployedAt: string): string[] {
  const lines = [
    `### ${displayVerdict(check)}: ${escapeMarkdown(check.name)}${check.critical ? '' : ' (non-critical)'}`,
    '',
    escapeMarkdown(check.reason),
    '',
  ];
  if (check.error !== undefined) lines.push(`Error: ${escapeMarkdown(check.error)}`, '');
  for (const note of check.notes ?? []) lines.push(`Note: ${escapeMarkdown(note)}`, '');
  const decided = describeDecisionTime(check, deployedAt);
  if (decided !== null) lines.push(`_${decided[0]!.toUpperCase()}${decided.slice(1)}._`, '');
  const selection = selectSeries(check.series);
  if (selection.shown.length > 0) {
    lines.push(row(['series', 'n', 'baseline median', 'candidate median', 'change', 'p', 'verdict']));
    lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---']));
    for (const series of selection.shown) {
      lines.push(
        row([
          Object.keys(series.labels).length === 0
            ? formatSeriesLabels(series.labels)
            : markdownCode(formatLabels(series.labels), true),
          `${series.baseline.n} → ${series.candidate.n}`,
          formatNumber(series.baseline.median),
          formatNumber(series.candidate.median),
          formatChange(series.relativeChange, series.relativeChangeInterval),
          pCell(series.pValue, series.pValueAdjusted),
          verdictLabel(series.verdict),
        ]),
      );
    }
    lines.push('');
    const impacts = selection.shown.flatMap((series) => {
      const impact = impactLine(series);
      return impact === null ? [] : [`- ${markdownCode(formatLabels(series.labels), true)} ${escapeMarkdown(impact)}`];
    });
    if (impacts.length > 0) lines.push(...impacts, '');
  }
  const hidden = describeHiddenSeries(selection);
  if (hidden !== '') lines.push(`_${escapeMarkdown(hidden)}_`, '');
  lines.push(
    ...renderUnmatched('baseline', check.unmatched.baseline),
    ...renderUnmatched('candidate', check.unmatched.candidate),
  );
  return lines;
}

function summaryRow(check: CheckResult): string {
  const series = representativeSeries(check);
  const p = series === undefined ? 'n/a' : pCell(series.pValue, series.pValueAdjusted);
  return row([
    escapeMarkdown(check.name),
    displayVerdict(check),
    formatPercent(series?.relativeChange),
    p,
    escapeMarkdown(check.reason),
  ]);
}

/** A command's line and its output's tail in a fence longer than any backtick run inside it. */
function renderCommandBlock(block: CommandBlock): string {
  const lines = [
    `**${escapeMarkdown(block.title)}**: ${escapeMarkdown(block.line)} (${escapeMarkdown(block.when)}).`,
    '',
  ];
  if (block.tail !== '') {
    const longest = Math.max(0, ...(block.tail.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    lines.push('<details><summary>output (last lines)</summary>', '', fence, block.tail, fence, '', '</details>', '');
  }
  return lines.join('\n');
}

/** The document's parts in order; each check's section is one part, so a cut never splits one. */
function renderParts(result: RunResult): MarkdownPart[] {
  const verdict = displayVerdict({ verdict: result.verdict, critical: true });
  const title = result.name !== undefined ? `verify-deploy: ${escapeMarkdown(result.name)}` : 'verify-deploy';
  const parts: MarkdownPart[] = [
    {
      text: [
        `## ${title}: ${verdict}`,
        '',
        `**${verdict}**: ${describeCounts(countChecks(result))}. ${escapeMarkdown(describeExitCode(result))}.`,
        '',
        `Deployed at ${escapeMarkdown(result.deployedAt)}; ${escapeMarkdown(formatWindows(result.windows, '→'))}.`,
        '',
      ].join('\n'),
    },
  ];
  if (result.checks.length > 0) {
    parts.push({
      text: [row(['check', 'verdict', 'change', 'p', 'reason']), row(['---', '---', '---:', '---:', '---'])].join('\n'),
    });
    for (const check of result.checks) parts.push({ text: summaryRow(check), summaryRow: true });
    parts.push({ text: '' });
  }
  if (result.detected !== undefined)
    parts.push({
      text: `Deploy time detected on ${escapeMarkdown(result.detected.source)}: ${escapeMarkdown(result.detected.detail)}.\n`,
    });
  for (const block of commandBlocks(result)) parts.push({ text: renderCommandBlock(block) });
  const note = rollbackNote(result);
  if (note !== undefined) parts.push({ text: `${escapeMarkdown(note)}.\n` });
  const reportErrors = result.reportErrors ?? [];
  if (reportErrors.length > 0) {
    parts.push({ text: '**Reports not written**\n' });
    for (const failure of reportErrors) parts.push({ text: `- ${escapeMarkdown(describeReportError(failure))}` });
    parts.push({ text: '' });
  }
  const warnings = wordNotes(result.notes);
  if (warnings.length > 0) {
    parts.push({ text: '**Warnings**\n' });
    for (const warning of warnings) parts.push({ text: `- ${escapeMarkdown(warning)}` });
    parts.push({ text: '' });
  }
  for (const check of result.checks)
    parts.push({ text: renderCheck(check, result.deployedAt).join('\n'), checkSection: true });
  return parts;
}

/** Render the run as GitHub-flavoured Markdown, at most `maxLength` characters (GitHub's comment limit by default). */
export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  return fitMarkdown(renderParts(result), options.maxLength ?? GITHUB_COMMENT_LIMIT);
}
