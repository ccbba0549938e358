/**
 * The distribution chart of one series: per side a box plot (box = middle half, thick line =
 * median, whiskers = 5th to 95th percentile) and a histogram beside it, both sides on the value
 * axis of the time-series chart. The baseline box is dashed like its line, and every column is
 * named in text, so nothing depends on colour.
 */
import { quantileSorted } from '../../../judge/stats/describe.js';
import { sortedCopy } from '../../../judge/stats/sorted.js';
import { formatNumber } from '../../format.js';
import { AXIS_LABEL_Y, CAPTION_Y, CHART_HEIGHT, PLOT_BOTTOM } from './layout.js';
import type { LinearScale } from './scale.js';
import { coord, percent, svgLabel, svgText } from './svg.js';
import { BASELINE_DASH } from './time-series.js';
import { renderValueAxis } from './value-axis.js';

/** Histogram bins over the value axis: about 4 px each, fine enough to show a shape. */
const BINS = 44;

export interface DistributionSide {
  name: 'baseline' | 'candidate';
  /** Finite values only. */
  values: readonly number[];
}

export interface DistributionChart {
  scale: LinearScale;
  sides: [DistributionSide, DistributionSide];
  title: string;
  description: string;
}

export interface BoxStats {
  p5: number;
  q1: number;
  median: number;
  q3: number;
  p95: number;
}

/** The five numbers a box plot draws (type-7 quantiles, as the judge's summaries use). */
export function boxStats(values: readonly number[]): BoxStats | null {
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  const q = (p: number): number => quantileSorted(sorted, p);
  return { p5: q(0.05), q1: q(0.25), median: q(0.5), q3: q(0.75), p95: q(0.95) };
}

/** Share of the values in each of `BINS` equal bins over the scale's domain. */
export function histogram(values: readonly number[], scale: LinearScale): number[] {
  const [low, high] = scale.domain;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(((v - low) / (high - low)) * BINS)));
    counts[bin]! += 1;
  }
  return counts.map((c) => (values.length === 0 ? 0 : c / values.length));
}

function renderBox(stats: BoxStats, scale: LinearScale, left: number, dashed: string): string {
  const [x1, x2, mid] = [percent(left), percent(left + 0.12), percent(left + 0.06)];
  const y = (v: number): string => coord(scale.at(v));
  const cap = (v: number): string =>
    `<line class="whisker" x1="${percent(left + 0.03)}" x2="${percent(left + 0.09)}" y1="${y(v)}" y2="${y(v)}"/>`;
  return [
    `<line class="whisker" x1="${mid}" x2="${mid}" y1="${y(stats.p95)}" y2="${y(stats.q3)}"/>`,
    `<line class="whisker" x1="${mid}" x2="${mid}" y1="${y(stats.q1)}" y2="${y(stats.p5)}"/>`,
    cap(stats.p95),
    cap(stats.p5),
    `<rect class="box" x="${x1}" y="${y(stats.q3)}" width="12%" height="${coord(Math.max(1, scale.at(stats.q1) - scale.at(stats.q3)))}"${dashed}/>`,
    `<line class="median" x1="${x1}" x2="${x2}" y1="${y(stats.median)}" y2="${y(stats.median)}"/>`,
  ].join('');
}

function renderBars(shares: number[], scale: LinearScale, left: number, widest: number): string {
  const [low, high] = scale.domain;
  const binHeight = (scale.at(low) - scale.at(high)) / BINS;
  return shares
    .map((share, bin) => {
      if (share === 0) return '';
      const top = scale.at(low + ((bin + 1) * (high - low)) / BINS);
      return `<rect class="bar" x="${percent(left)}" y="${coord(top + 0.5)}" width="${percent((share / widest) * 0.24)}" height="${coord(Math.max(1, binHeight - 1))}"/>`;
    })
    .join('');
}

function renderSide(side: DistributionSide, index: number, scale: LinearScale, widest: number): string {
  const left = index * 0.5;
  const center = percent(left + 0.25);
  const stats = boxStats(side.values);
  const body =
    stats === null
      ? svgText(
          center,
          (PLOT_BOTTOM + scale.at(scale.domain[1])) / 2,
          'no points',
          'class="caption" text-anchor="middle"',
        )
      : renderBars(histogram(side.values, scale), scale, left + 0.22, widest) +
        renderBox(stats, scale, left + 0.06, side.name === 'baseline' ? ` stroke-dasharray="${BASELINE_DASH}"` : '');
  const caption = stats === null ? `n 0` : `n ${side.values.length}, median ${formatNumber(stats.median)}`;
  return [
    `<g class="side ${side.name}">${body}`,
    svgText(center, AXIS_LABEL_Y, side.name, 'class="tick side-name" text-anchor="middle"'),
    svgText(center, CAPTION_Y, caption, 'class="caption" text-anchor="middle"'),
    '</g>',
  ].join('');
}

/** The chart as an inline SVG element (role="img", with a title and a description for screen readers). */
export function renderDistributionChart(chart: DistributionChart): string {
  const { scale, sides } = chart;
  const widest = Math.max(1e-9, ...sides.flatMap((side) => histogram(side.values, scale)));
  return [
    `<svg class="chart chart-dist" role="img" width="100%" height="${CHART_HEIGHT}">`,
    svgLabel(chart.title, chart.description),
    renderValueAxis(scale),
    `<line class="axis" x1="0" x2="100%" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}"/>`,
    sides.map((side, index) => renderSide(side, index, scale, widest)).join(''),
    '</svg>',
  ].join('');
}
