/**
 * Every number of one series as plain lines, for reports read one test case at a time (JUnit):
 *   FAIL {route="/pay"}: mean up 240% (tolerance 10%)
 *     baseline:  n 60, mean 0.002, median 0.002, p95 0.004
 *     candidate: n 20, mean 0.0068, median 0.0065, p95 0.009
 *     change +240.0% [+180.2%, +310.5%]; mann-whitney p < 0.001, Holm-adjusted p < 0.001; alpha 0.05
 *     rule: beyond-tolerance
 */
import type { SampleSummary, SeriesResult } from '../types.js';
import { sanitizeText } from '../sanitize-text.js';
import { formatChange, formatNumber, formatPValue, formatSeriesLabels } from './format.js';
import { verdictLabel } from './summary.js';
import { impactLine } from './impact-text.js';

/** One side's summary on one line: n, mean, median, p95, counts when the check counts events. */
export function describeSummary(summary: SampleSummary): string {
  const parts = [`n ${summary.n}`];
  if (summary.nEffective !== undefined && summary.trials === undefined)
    parts.push(`effective n ${formatNumber(summary.nEffective)}`);
  if (summary.trials !== undefined) {
    parts.push(
      `events ${formatNumber(summary.events)}`,
      `trials ${formatNumber(summary.trials)}`,
      `rate ${formatNumber(summary.rate)}`,
    );
    if (summary.dispersion !== undefined) parts.push(`dispersion ${formatNumber(summary.dispersion)}`);
  }
  parts.push(
    `mean ${formatNumber(summary.mean)}`,
    `median ${formatNumber(summary.median)}`,
    `p95 ${formatNumber(summary.p95)}`,
  );
  if (summary.nan > 0) parts.push(`${summary.nan} NaN dropped`);
  if (summary.infinite > 0) parts.push(`${summary.infinite} ±Inf dropped`);
  return parts.join(', ');
}

/** The test and its p-values: `mann-whitney p < 0.001, Holm-adjusted p = 0.0123; alpha 0.05`. */
function describeTest(series: SeriesResult): string {
  if (series.test === 'none') return 'no test';
  const adjusted = series.pValueAdjusted;
  const holm = adjusted === undefined || adjusted === null ? '' : `, Holm-adjusted ${formatPValue(adjusted)}`;
  const alpha = series.alpha === undefined ? '' : `; alpha ${formatNumber(series.alpha)}`;
  return `${series.test} ${formatPValue(series.pValue)}${holm}${alpha}`;
}

/** The series' heading, both sides' summaries, the change and the test, the rule and the notes. */
export function renderSeriesDetails(series: SeriesResult, indent = '  '): string[] {
  const reason = series.reason === '' ? '' : `: ${sanitizeText(series.reason)}`;
  const lines = [
    `${verdictLabel(series.verdict)} ${formatSeriesLabels(series.labels)}${reason}`,
    `${indent}baseline:  ${describeSummary(series.baseline)}`,
    `${indent}candidate: ${describeSummary(series.candidate)}`,
    `${indent}change ${formatChange(series.relativeChange, series.relativeChangeInterval)}; ${describeTest(series)}`,
  ];
  const impact = impactLine(series);
  if (impact !== null) lines.push(`${indent}${sanitizeText(impact)}`);
  if (series.rule !== undefined) lines.push(`${indent}rule: ${series.rule}`);
  for (const note of series.notes ?? []) lines.push(`${indent}note: ${sanitizeText(note)}`);
  return lines;
}
