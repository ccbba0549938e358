/** The charts of one check, or a sentence saying why a series has none (a chart is never silently missing). */
import type { CheckResult, RunResult } from '../../types.js';
import { finitePoints } from './chart/downsample.js';
import { planTimeline } from './chart/timeline.js';
import { escapeXml as escapeHtml } from '../escape.js';
import { formatSeriesLabels } from '../format.js';
import { selectChartedSeries } from './chart-selection.js';
import { renderSeriesFigure } from './series-figure.js';

function hasPoints(samples: { baseline: readonly unknown[]; candidate: readonly unknown[] } | undefined): boolean {
  return samples !== undefined && (samples.baseline.length > 0 || samples.candidate.length > 0);
}

function noChart(text: string): string {
  return `<p class="no-chart muted">${escapeHtml(text)}</p>`;
}

/** Why a check without series has no chart. */
function describeNoSeries(check: CheckResult): string {
  if (check.error !== undefined) return 'No chart: the source could not be read, so there are no points to draw.';
  return 'No chart: no series matched on both sides, so nothing was judged.';
}

/** The figures of the check's charted series, the timeline's note, and what was left out and why. */
export function renderCheckCharts(check: CheckResult, run: Pick<RunResult, 'deployedAt' | 'windows'>): string {
  if (check.series.length === 0) return noChart(describeNoSeries(check));
  const { charted, omitted } = selectChartedSeries(check.series);
  const drawable = charted.map((s) => ({
    series: s,
    baseline: finitePoints(s.samples?.baseline ?? []),
    candidate: finitePoints(s.samples?.candidate ?? []),
  }));
  const timeline = planTimeline(
    run,
    drawable.filter((d) => d.baseline.length + d.candidate.length > 0),
  );
  const parts: string[] = [];
  if (timeline?.note) parts.push(`<p class="muted timeline-note">${escapeHtml(timeline.note)}</p>`);
  for (const { series, baseline, candidate } of drawable) {
    const labels = formatSeriesLabels(series.labels);
    if (timeline !== null && baseline.length + candidate.length > 0)
      parts.push(renderSeriesFigure(series, check, timeline));
    else if (series.samples === undefined)
      parts.push(
        noChart(
          `No chart for ${labels}: the result carries no judged points for it${check.error !== undefined ? ' (the check errored)' : ''}.`,
        ),
      );
    else if (!hasPoints(series.samples)) parts.push(noChart(`No chart for ${labels}: neither side had any points.`));
    else parts.push(noChart(`No chart for ${labels}: every point was NaN or infinite.`));
  }
  if (omitted > 0)
    parts.push(
      noChart(
        `Charts of ${omitted} more series are left out to keep the page small; the table below lists every series.`,
      ),
    );
  return parts.join('\n');
}
