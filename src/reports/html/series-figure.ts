/** One series in the HTML report: its verdict and explanation beside its time-series and distribution charts. */
import type { SeriesResult } from '../../types.js';
import { finitePoints } from './chart/downsample.js';
import { renderDistributionChart } from './chart/distribution.js';
import { formatTickTime } from './chart/time-ticks.js';
import { renderTimeSeriesChart } from './chart/time-series.js';
import type { Timeline } from './chart/timeline.js';
import { valueScaleFor } from './chart/value-axis.js';
import { escapeXml as escapeHtml } from '../escape.js';
import { formatLabels, formatNumber, formatSeriesLabels, formatSeriesName } from '../format.js';
import { badge } from './badge.js';
import { renderLegend } from './legend.js';
import { describeSeriesText } from '../series-text.js';
import { verdictLabel } from '../summary.js';

/** The series' labels as PromQL, or `(no labels)` for the single unlabelled series of an aggregated query. */
function describeLabels(series: SeriesResult): string {
  if (Object.keys(series.labels).length === 0) return `<span class="muted">${formatSeriesLabels(series.labels)}</span>`;
  return `<code>${escapeHtml(formatLabels(series.labels))}</code>`;
}

/** The verdict, labels, reason (unless it is the check's, written above), numbers and notes of a series, as the figure's caption. */
function renderExplanation(series: SeriesResult, checkReason: string): string {
  const parts = describeSeriesText(series, '');
  const reason =
    series.reason === '' || series.reason === checkReason ? '' : `<p class="reason">${escapeHtml(series.reason)}</p>`;
  const numbers = parts.numbers
    .map((n, i) => `<span${i === parts.changeIndex ? ' class="change"' : ''}>${escapeHtml(n)}</span>`)
    .join('');
  const notes = (series.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  return [
    `<figcaption><div class="series-head">${badge(verdictLabel(series.verdict))} ${describeLabels(series)}</div>`,
    reason,
    `<p class="numbers">${numbers}</p>`,
    notes === '' ? '' : `<ul class="notes">${notes}</ul>`,
    '</figcaption>',
  ].join('');
}

function sideWords(name: string, values: readonly number[]): string {
  if (values.length === 0) return `${name}: no finite points`;
  const sorted = [...values].sort((a, b) => a - b);
  return `${name}: ${values.length} point${values.length === 1 ? '' : 's'} from ${formatNumber(sorted[0])} to ${formatNumber(sorted[sorted.length - 1])}`;
}

/** What the charts show, in words, for the SVGs' <desc> (screen readers get the numbers, not just "a chart"). */
function describeCharts(timeline: Timeline, baseline: number[], candidate: number[]): string {
  const deploy =
    timeline.deployAt === null
      ? ''
      : ` The deploy at ${formatTickTime(timeline.deployAt, 1)} UTC is marked by a vertical line`;
  const warmup =
    timeline.warmup === null
      ? ''
      : `; the warmup until ${formatTickTime(timeline.warmup[1], 1)} UTC, not judged, is shaded`;
  const note = timeline.note === null ? '' : ` ${timeline.note}`;
  return `${sideWords('Baseline (dashed)', baseline)}; ${sideWords('candidate (solid)', candidate)}.${deploy}${warmup}${deploy === '' ? '' : '.'}${note}`;
}

/** The figure for a series that has judged points; `timeline` is shared by the check's charts. */
export function renderSeriesFigure(
  series: SeriesResult,
  check: { name: string; reason: string },
  timeline: Timeline,
): string {
  const checkName = check.name;
  const samples = series.samples ?? { baseline: [], candidate: [] };
  const baseline = finitePoints(samples.baseline);
  const candidate = finitePoints(samples.candidate);
  const baselineValues = baseline.map((p) => p.v);
  const candidateValues = candidate.map((p) => p.v);
  const scale = valueScaleFor([...baselineValues, ...candidateValues]);
  const name = formatSeriesName(checkName, series.labels);
  const description = describeCharts(timeline, baselineValues, candidateValues);
  const timeChart = renderTimeSeriesChart({
    timeline,
    scale,
    baseline,
    candidate,
    title: `${name}: baseline and candidate over time`,
    description,
  });
  const distribution = renderDistributionChart({
    scale,
    sides: [
      { name: 'baseline', values: baselineValues },
      { name: 'candidate', values: candidateValues },
    ],
    title: `${name}: distributions of baseline and candidate`,
    description: `Box plots (middle half, median, 5th to 95th percentile) and histograms. ${sideWords('Baseline', baselineValues)}; ${sideWords('candidate', candidateValues)}.`,
  });
  return [
    `<figure class="series-figure series-${series.verdict}">`,
    renderExplanation(series, check.reason),
    renderLegend(timeline),
    `<div class="charts"><div class="chart-box">${timeChart}</div><div class="chart-box">${distribution}</div></div>`,
    '</figure>',
  ].join('\n');
}
