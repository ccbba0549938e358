/** One check in the HTML report: verdict, reason and notes, the charts, then the table of every series. */
import type { CheckResult, RunResult, SeriesResult } from '../../types.js';
import { escapeXml as escapeHtml } from '../escape.js';
import {
  describeDecisionTime,
  formatChange,
  formatLabels,
  formatNumber,
  formatPValue,
  formatSeriesLabels,
} from '../format.js';
import { badge } from './badge.js';
import { impactLine } from '../impact-text.js';
import { renderCheckCharts } from './check-charts.js';
import { displayVerdict, SERIES_SHOWN_IN_FULL, verdictLabel } from '../summary.js';

const COLUMNS = [
  { name: 'series', num: false },
  { name: 'verdict', num: false },
  { name: 'n', num: true },
  { name: 'median', num: true },
  { name: 'p95', num: true },
  { name: 'change [interval]', num: true },
  { name: 'p', num: true },
  { name: 'reason', num: false },
] as const;

const SERIES_HEADER = `<tr>${COLUMNS.map((c) => `<th${c.num ? ' class="num"' : ''}>${escapeHtml(c.name)}</th>`).join('')}</tr>`;

/**
 * A row of the series table. Each cell carries its column's name (`data-label`), which a phone
 * shows in front of the value when the rows stack (style.ts). A reason that is the check's own,
 * already written above the table, is not repeated.
 */
function seriesRow(series: SeriesResult, checkReason: string): string {
  const { baseline: b, candidate: c } = series;
  const pair = (x: string, y: string): string => `${escapeHtml(x)} → ${escapeHtml(y)}`;
  const repeated = series.reason === checkReason;
  const cells = [
    Object.keys(series.labels).length === 0
      ? `<span class="muted">${formatSeriesLabels(series.labels)}</span>`
      : `<code>${escapeHtml(formatLabels(series.labels))}</code>`,
    badge(verdictLabel(series.verdict)),
    pair(String(b.n), String(c.n)),
    pair(formatNumber(b.median), formatNumber(c.median)),
    pair(formatNumber(b.p95), formatNumber(c.p95)),
    escapeHtml(formatChange(series.relativeChange, series.relativeChangeInterval)),
    escapeHtml(formatPValue(series.pValue).replace(/^p (= )?/, '')),
    (repeated ? '<span class="muted">same as the check\'s reason</span>' : escapeHtml(series.reason)) +
      impactHtml(series),
  ];
  const classes = ['', '', 'num', 'num', 'num', 'num', 'num', 'reason'];
  return `<tr>${cells
    .map((cell, i) => {
      const cls = classes[i] === '' ? '' : ` class="${classes[i]}"`;
      return `<td${cls} data-label="${escapeHtml(COLUMNS[i]!.name)}">${cell}</td>`;
    })
    .join('')}</tr>`;
}

/** The impact of a series that did not pass, under its reason. */
function impactHtml(series: SeriesResult): string {
  const impact = impactLine(series);
  return impact === null ? '' : `<br><span class="impact">${escapeHtml(impact)}</span>`;
}

// Wide tables scroll inside their box; on a phone the rows stack instead (style.ts), so nothing is cut off.
function seriesTable(series: SeriesResult[], checkReason: string): string {
  return `<div class="table-scroll"><table class="series-table"><thead>${SERIES_HEADER}</thead><tbody>\n${series.map((s) => seriesRow(s, checkReason)).join('\n')}\n</tbody></table></div>`;
}

function renderTables(check: CheckResult): string[] {
  // Every series is in the file; passing ones of a wide check fold away so regressions stay on top.
  const folded = check.series.length > SERIES_SHOWN_IN_FULL;
  const open = folded ? check.series.filter((s) => s.verdict !== 'pass') : check.series;
  const passing = folded ? check.series.filter((s) => s.verdict === 'pass') : [];
  const parts: string[] = [];
  if (open.length > 0) parts.push(seriesTable(open, check.reason));
  if (passing.length > 0)
    parts.push(
      `<details><summary>${passing.length} passing series</summary>${seriesTable(passing, check.reason)}</details>`,
    );
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
function decisionTime(check: CheckResult, deployedAt: string): string {
  const decided = describeDecisionTime(check, deployedAt);
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
    decisionTime(check, run.deployedAt),
    renderCheckCharts(check, run),
    ...renderTables(check),
    ...renderUnmatched(check),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
