/**
 * The time-series chart of one series: baseline (dashed) and candidate (solid) lines, the deploy as a
 * labelled vertical line, the warmup shaded, UTC time ticks. The lines live in a nested SVG that
 * stretches horizontally (x in 0..1000 units) with non-scaling strokes; text sits outside it at
 * percentage positions, so it keeps its size on a phone.
 */
import type { Point } from '../../../types.js';
import { chartRuns } from './downsample.js';
import { AXIS_LABEL_Y, CAPTION_Y, CHART_HEIGHT, PLOT_BOTTOM, PLOT_TOP, PLOT_UNITS } from './layout.js';
import type { LinearScale } from './scale.js';
import { coord, percent, svgLabel, svgText } from './svg.js';
import { describeDates, formatTickTime, timeTicks } from './time-ticks.js';
import type { Timeline } from './timeline.js';
import { renderValueAxis } from './value-axis.js';

/** The dash pattern that marks the baseline in every chart and legend (readable without colour). */
export const BASELINE_DASH = '7 4';

export interface TimeSeriesChart {
  timeline: Timeline;
  scale: LinearScale;
  baseline: readonly Point[];
  candidate: readonly Point[];
  title: string;
  description: string;
}

/** Share of the axis (0..1) at which time `t` lies. */
export function timeShare(timeline: Timeline, t: number): number {
  return (t - timeline.start) / (timeline.end - timeline.start);
}

/** SVG path data for a side: one subpath per run of two or more points without gaps (lone points are markers). */
export function linePath(timeline: Timeline, scale: LinearScale, points: readonly Point[], shift: number): string {
  return chartRuns(points)
    .filter((run) => run.length > 1)
    .map((run) => {
      const xy = run.map((p) => `${coord(timeShare(timeline, p.t + shift) * PLOT_UNITS)},${coord(scale.at(p.v))}`);
      return `M${xy[0]}L${xy.slice(1).join(' ')}`;
    })
    .join('');
}

/**
 * A circle for every point with no neighbour to draw a line to (a run stopped after one step, a
 * point between gaps). It sits in the outer SVG at a percentage of the width, so it stays round
 * and a few pixels wide however the plot stretches.
 */
export function pointMarkers(
  timeline: Timeline,
  scale: LinearScale,
  points: readonly Point[],
  shift: number,
  side: 'baseline' | 'candidate',
): string {
  return chartRuns(points)
    .filter((run) => run.length === 1)
    .map(([p]) => {
      const x = percent(timeShare(timeline, p!.t + shift));
      return `<circle class="marker ${side}" cx="${x}" cy="${coord(scale.at(p!.v))}" r="4"/>`;
    })
    .join('');
}

function renderDeploy(timeline: Timeline): string {
  if (timeline.deployAt === null) return '';
  const share = timeShare(timeline, timeline.deployAt);
  const x = percent(share);
  // The label reads away from the nearer edge so it never leaves the chart.
  const anchor = share > 0.5 ? 'end' : 'start';
  const dx = share > 0.5 ? -4 : 4;
  const label = `deploy ${formatTickTime(timeline.deployAt, 1)}`;
  return `<line class="deploy" x1="${x}" x2="${x}" y1="${PLOT_TOP - 14}" y2="${PLOT_BOTTOM}"/>${svgText(x, PLOT_TOP - 8, label, `class="deploy-label" dx="${dx}" text-anchor="${anchor}"`)}`;
}

function renderWarmup(timeline: Timeline): string {
  if (timeline.warmup === null) return '';
  const [from, to] = timeline.warmup;
  const x = timeShare(timeline, from);
  const width = timeShare(timeline, to) - x;
  return `<rect class="warmup" x="${percent(x)}" y="${PLOT_TOP}" width="${percent(width)}" height="${PLOT_BOTTOM - PLOT_TOP}"><title>warmup: not judged</title></rect>`;
}

function renderTimeAxis(timeline: Timeline): string {
  const ticks = timeTicks(timeline.start, timeline.end, 5).map((tick) => {
    const x = percent(timeShare(timeline, tick.t));
    return `<line class="tick-mark" x1="${x}" x2="${x}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM + 5}"/>${svgText(x, AXIS_LABEL_Y, tick.label, 'class="tick" text-anchor="middle"')}`;
  });
  const caption = svgText(
    '100%',
    CAPTION_Y,
    `time (UTC, ${describeDates(timeline.start, timeline.end)})`,
    'class="caption" text-anchor="end"',
  );
  return `<g class="time-axis"><line class="axis" x1="0" x2="100%" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}"/>${ticks.join('')}${caption}</g>`;
}

/** The chart as an inline SVG element (role="img", with a title and a description for screen readers). */
export function renderTimeSeriesChart(chart: TimeSeriesChart): string {
  const { timeline, scale } = chart;
  const baseline = linePath(timeline, scale, chart.baseline, timeline.baselineShift);
  const candidate = linePath(timeline, scale, chart.candidate, 0);
  const lines = [
    baseline === ''
      ? ''
      : `<path class="line baseline" d="${baseline}" stroke-dasharray="${BASELINE_DASH}" vector-effect="non-scaling-stroke"/>`,
    candidate === '' ? '' : `<path class="line candidate" d="${candidate}" vector-effect="non-scaling-stroke"/>`,
  ].join('');
  return [
    `<svg class="chart chart-time" role="img" width="100%" height="${CHART_HEIGHT}">`,
    svgLabel(chart.title, chart.description),
    renderWarmup(timeline),
    renderValueAxis(scale),
    renderTimeAxis(timeline),
    `<svg class="plot" x="0" y="0" width="100%" height="${CHART_HEIGHT}" viewBox="0 0 ${PLOT_UNITS} ${CHART_HEIGHT}" preserveAspectRatio="none">${lines}</svg>`,
    pointMarkers(timeline, scale, chart.baseline, timeline.baselineShift, 'baseline'),
    pointMarkers(timeline, scale, chart.candidate, 0, 'candidate'),
    renderDeploy(timeline),
    '</svg>',
  ].join('');
}
