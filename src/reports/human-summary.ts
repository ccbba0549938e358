/**
 * The compact table at the end of the human report: one line per check, within 80 columns.
 *   verdict       check                    change  p        baseline | candidate
 *   FAIL          error ratio             +240.0%  < 0.001  ▁▂▁▂▁▁▂▁ | ▅▇▆▇▆▇▇▆
 * The verdict is always a word (colour only repeats it). A check with several series shows its
 * most significant series with the check's verdict (representativeSeries).
 */
import type { ChalkInstance } from 'chalk';
import type { CheckResult } from '../types.js';
import { sanitizeText } from '../sanitize-text.js';
import { formatPercent, formatPValue } from './format.js';
import { paintVerdict } from './human-series.js';
import { seriesSparkline, SPARKLINE_WIDTH } from './sparkline.js';
import { displayVerdict, representativeSeries } from './summary.js';

/** The terminal width the table is laid out for. */
export const SUMMARY_WIDTH = 80;
const INDENT = '  ';
const VERDICT_WIDTH = 'INCONCLUSIVE'.length;
const CHANGE_WIDTH = 8;
const P_WIDTH = 7;
const SPARK_HEADER = 'baseline | candidate';
const GUTTER = '  ';
/** What is left for the check's name once the other columns have their width. */
const NAME_WIDTH =
  SUMMARY_WIDTH - INDENT.length - VERDICT_WIDTH - CHANGE_WIDTH - P_WIDTH - SPARK_HEADER.length - 4 * GUTTER.length;

/** Shorten text to `width` characters, marking the cut with an ellipsis (`~` in ASCII). */
export function truncate(text: string, width: number, unicode: boolean): string {
  if (text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}${unicode ? '…' : '~'}`;
}

function trendCell(check: CheckResult, unicode: boolean): string {
  const samples = representativeSeries(check)?.samples;
  if (samples === undefined) return '';
  // The series line's own drawing: the summary shows the shape the series line above shows.
  const pair = seriesSparkline(samples, unicode);
  return pair === null ? '' : `${pair.baseline.padEnd(SPARKLINE_WIDTH)} | ${pair.candidate}`;
}

function row(verdict: string, name: string, change: string, p: string, trend: string): string {
  return `${INDENT}${verdict.padEnd(VERDICT_WIDTH)}${GUTTER}${name.padEnd(NAME_WIDTH)}${GUTTER}${change.padStart(CHANGE_WIDTH)}${GUTTER}${p.padEnd(P_WIDTH)}${GUTTER}${trend}`.trimEnd();
}

/** The summary table's lines (a title, a header and one row per check); none without checks. */
export function renderSummaryTable(chalk: ChalkInstance, checks: readonly CheckResult[], unicode: boolean): string[] {
  if (checks.length === 0) return [];
  const lines = [chalk.bold('Summary'), chalk.dim(row('verdict', 'check', 'change', 'p', SPARK_HEADER))];
  for (const check of checks) {
    const shown = displayVerdict(check);
    const series = representativeSeries(check);
    // The p the verdict was decided on: Holm-adjusted when the run had several tests.
    const p = formatPValue(series?.pValueAdjusted ?? series?.pValue).replace(/^p (= )?/, '');
    const text = row(
      shown,
      truncate(sanitizeText(check.name), NAME_WIDTH, unicode),
      formatPercent(series?.relativeChange),
      p,
      trendCell(check, unicode),
    );
    const painted = paintVerdict(chalk, shown === 'WARN' ? 'warn' : check.verdict, chalk.bold(shown));
    lines.push(INDENT + painted + text.slice(INDENT.length + shown.length));
  }
  return lines;
}
