/** One check in the HTML report: verdict, reason and notes, the charts, then the table of every series. */
import type { CheckResult, RunResult, SeriesResult } from '../../types.js';
import { escapeXml as escapeHtml } from '../escape.js';
import { describeDecisionTime, formatChange, formatLabels, formatNumber, formatPValue } from '../format.js';
import { badge } from './badge.js';
import { renderCheckCharts } from './check-charts.js';
import { displayVerdict, SERIES_SHOWN_IN_FULL, verdictLabel } from '../summary.js';

const SERIES_HEADER = `<tr><th>series</th><th>verdict</th><th class="num">n</th><th class="num">median</th><th class="num">p95</th><th class="num">change [interval]</th><th class="num">p</th><th>reason</th></tr>`;

function seriesRow(series: SeriesResult): string {
  const { baseline: b, candidate: c } = series;
  const pair = (x: string, y: string): string => `${escapeHtml(x)} → ${escapeHtml(y)}`;
  const cells = [
    `<td><code>${escapeHtml(formatLabels(series.labels))}</code></td>`,
    `<td>${badge(verdictLabel(series.verdict))}</td>`,
    `<td class="num">${pair(String(b.n), String(c.n))}</td>`,
    `<td class="num">${pair(formatNumber(b.median), formatNumber(c.median))}</td>`,
    `<td class="num">${pair(formatNumber(b.p95), formatNumber(c.p95))}</td>`,
    `<td class="num">${escapeHtml(formatChange(series.relativeChange, series.relativeChangeInterval))}</td>`,
    `<td class="num">${escapeHtml(formatPValue(series.pValue).replace(/^p (= )?/, ''))}</td>`,
    `<td class="reason">${escapeHtml(series.reason)}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

// Wide tables scroll inside their box on a phone instead of widening the page.
function seriesTable(series: SeriesResult[]): string {
  return `<div class="table-scroll"><table><thead>${SERIES_HEADER}</thead><tbody>\n${series.map(seriesRow).join('\n')}\n</tbody></table></div>`;
}

function renderTables(check: CheckResult): string[] {
  // Every series is in the file; passing ones of a wide check fold away so regressions stay on top.
  const folded = check.series.length > SERIES_SHOWN_IN_FULL;
  const open = folded ? check.series.filter((s) => s.verdict !== 'pass') : check.series;
  const passing = folded ? check.series.filter((s) => s.verdict === 'pass') : [];
  const parts: string[] = [];
  if (open.length > 0) parts.push(seriesTable(open));
  if (passing.length > 0)
    parts.push(`<details><summary>${passing.length} passing series</summary>${seriesTable(passing)}</details>`);
  return parts;
}

function renderUnmatched(check: CheckResult): string[] {
  return (['baseline', 'candidate'] as const)
    .filter((side) => check.unmatched[side].length > 0)
    .map((side) => {
      const items = check.unmatched[side].map((l) => `<li><code>${escapeHtml(formatLabels(l))}</code></li>`).join('');
      return `<p class="muted">Unmatched, only in ${side}:</p><ul>${items}</ul>`;
    });
}

/** "Decided after 2m15s of the post window.", when a verdict was reached. */
function decisionTime(check: CheckResult): string {
  const decided = describeDecisionTime(check);
  return decided === null
    ? ''
    : `<p class="muted">${escapeHtml(`${decided[0]!.toUpperCase()}${decided.slice(1)}.`)}</p>`;
}

/** The section of one check. */
export function renderCheck(check: CheckResult, run: Pick<RunResult, 'deployedAt' | 'windows'>): string {
  const shown = displayVerdict(check);
  const notes = (check.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  return [
    `<section class="check check-${shown.toLowerCase()}">`,
    `<h2>${badge(shown)} ${escapeHtml(check.name)}${check.critical ? '' : ' <span class="muted">(non-critical)</span>'}</h2>`,
    `<p>${escapeHtml(check.reason)}</p>`,
    check.error === undefined ? '' : `<p class="error">Error: ${escapeHtml(check.error)}</p>`,
    notes === '' ? '' : `<ul class="notes">${notes}</ul>`,
    decisionTime(check),
    renderCheckCharts(check, run),
    ...renderTables(check),
    ...renderUnmatched(check),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
