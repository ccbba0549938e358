/** Markdown for PR comments and GitHub step summaries: an overview, then a table per check. */
import type { CheckResult, Labels, RunResult } from '../types.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { formatChange, formatLabels, formatNumber, formatPValue, formatWindows } from './format.js';
import { countChecks, describeCounts, describeExitCode, describeHiddenSeries, displayVerdict, selectSeries, verdictLabel } from './summary.js';

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function renderUnmatched(side: string, labels: Labels[]): string[] {
  if (labels.length === 0) return [];
  return [`Unmatched, only in ${side}: ${labels.map((l) => markdownCode(formatLabels(l), false)).join(', ')}`, ''];
}

function renderCheck(check: CheckResult): string[] {
  const lines = [`### ${displayVerdict(check)}: ${escapeMarkdown(check.name)}${check.critical ? '' : ' (non-critical)'}`, '', escapeMarkdown(check.reason), ''];
  if (check.error !== undefined) lines.push(`Error: ${escapeMarkdown(check.error)}`, '');
  for (const note of check.notes ?? []) lines.push(`Note: ${escapeMarkdown(note)}`, '');
  const selection = selectSeries(check.series);
  if (selection.shown.length > 0) {
    lines.push(row(['series', 'baseline median', 'candidate median', 'change', 'p', 'verdict']));
    lines.push(row(['---', '---:', '---:', '---:', '---:', '---']));
    for (const series of selection.shown) {
      const adjusted = series.pValueAdjusted;
      const holm = adjusted === undefined || adjusted === null || adjusted === series.pValue ? '' : ` (Holm ${formatPValue(adjusted).replace(/^p (= )?/, '')})`;
      const p = formatPValue(series.pValue).replace(/^p (= )?/, '') + holm;
      lines.push(
        row([
          markdownCode(formatLabels(series.labels), true),
          formatNumber(series.baseline.median),
          formatNumber(series.candidate.median),
          formatChange(series.relativeChange, series.relativeChangeInterval),
          escapeMarkdown(p),
          verdictLabel(series.verdict),
        ]),
      );
    }
    lines.push('');
  }
  const hidden = describeHiddenSeries(selection);
  if (hidden !== '') lines.push(`_${escapeMarkdown(hidden)}_`, '');
  lines.push(...renderUnmatched('baseline', check.unmatched.baseline), ...renderUnmatched('candidate', check.unmatched.candidate));
  return lines;
}

/** Render the run as GitHub-flavoured Markdown. */
export function renderMarkdown(result: RunResult): string {
  const verdict = displayVerdict({ verdict: result.verdict, critical: true });
  const title = result.name !== undefined ? `verify-deploy: ${escapeMarkdown(result.name)}` : 'verify-deploy';
  const lines = [
    `## ${title}: ${verdict}`,
    '',
    `**${verdict}**: ${describeCounts(countChecks(result))}. ${escapeMarkdown(describeExitCode(result))}.`,
    '',
    `Deployed at ${escapeMarkdown(result.deployedAt)}; ${escapeMarkdown(formatWindows(result.windows, '→'))}.`,
    '',
  ];
  if (result.checks.length > 0) {
    lines.push(row(['check', 'verdict', 'reason']), row(['---', '---', '---']));
    for (const check of result.checks) lines.push(row([escapeMarkdown(check.name), displayVerdict(check), escapeMarkdown(check.reason)]));
    lines.push('');
  }
  if (result.warnings.length > 0) lines.push('**Warnings**', '', ...result.warnings.map((w) => `- ${escapeMarkdown(w)}`), '');
  for (const check of result.checks) lines.push(...renderCheck(check));
  return `${lines.join('\n').trimEnd()}\n`;
}
