/**
 * Measures an open HTML report in the browser: the charts' boxes, the points their lines hold, the
 * deploy markers, overlapping tick labels and text that spills out of its section. The script is a
 * string because the tests compile without the DOM library; it returns plain JSON.
 */
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface TimeChartLayout {
  box: Box;
  title: string;
  desc: string;
  /** Points in each line's path data (0 when the side has no line). */
  baselinePoints: number;
  candidatePoints: number;
  /** Length of each line in the plot's own units (zero when nothing is drawn). */
  baselineLength: number;
  candidateLength: number;
  /** The deploy marker, when the chart has one. */
  deploy: Box | null;
  /** The baseline line's box, when it has one. */
  baselineBox: Box | null;
  /** Markers of lone candidate points. */
  candidateMarkers: Box[];
  /** Pairs of x-axis labels that overlap. */
  overlappingTicks: string[];
}

export interface ReportLayout {
  scrollWidth: number;
  innerWidth: number;
  timeCharts: TimeChartLayout[];
  distributionCharts: Array<{ box: Box; title: string; boxes: number }>;
  /** Chart text that reaches outside the section holding it. */
  textOutsideSection: string[];
  /** The page's visible text. */
  pageText: string;
  /** Tables not shown whole: wider than their box (part hidden, even when it scrolls), or a box reaching out of its section. */
  clippedTables: string[];
}

const MEASURE = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }; };
  const points = (path) => path ? (path.getAttribute('d').match(/,/g) || []).length : 0;
  const length = (path) => path ? path.getTotalLength() : 0;
  const text = (el, selector) => { const t = el.querySelector(selector); return t ? t.textContent : ''; };
  const timeCharts = [...document.querySelectorAll('svg.chart-time')].map((svg) => {
    const ticks = [...svg.querySelectorAll('.time-axis text.tick')].map((t) => ({ label: t.textContent, ...box(t) })).sort((a, b) => a.left - b.left);
    const overlappingTicks = [];
    for (let i = 1; i < ticks.length; i++) if (ticks[i].left < ticks[i - 1].right) overlappingTicks.push(ticks[i - 1].label + ' / ' + ticks[i].label);
    const deploy = svg.querySelector('line.deploy');
    const baseline = svg.querySelector('path.baseline');
    const candidate = svg.querySelector('path.candidate');
    return { box: box(svg), title: text(svg, 'title'), desc: text(svg, 'desc'), baselinePoints: points(baseline), candidatePoints: points(candidate),
      baselineLength: length(baseline), candidateLength: length(candidate), deploy: deploy ? box(deploy) : null,
      baselineBox: baseline ? box(baseline) : null, candidateMarkers: [...svg.querySelectorAll('circle.marker.candidate')].map(box), overlappingTicks };
  });
  const distributionCharts = [...document.querySelectorAll('svg.chart-dist')].map((svg) => ({ box: box(svg), title: text(svg, 'title'), boxes: svg.querySelectorAll('rect.box').length }));
  const textOutsideSection = [];
  for (const t of document.querySelectorAll('svg.chart text')) {
    const r = t.getBoundingClientRect();
    const s = t.closest('section').getBoundingClientRect();
    if (r.left < s.left || r.right > s.right) textOutsideSection.push(t.textContent);
  }
  const clippedTables = [];
  for (const table of document.querySelectorAll('table')) {
    const holder = table.parentElement;
    const s = table.closest('section').getBoundingClientRect();
    const h = holder.getBoundingClientRect();
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(holder).overflowX);
    if (h.left < s.left - 0.5 || h.right > s.right + 0.5) clippedTables.push('box outside its section: ' + table.rows[1]?.textContent);
    else if (table.getBoundingClientRect().width > holder.clientWidth + 0.5) clippedTables.push((scrolls ? 'wider than its box (scrolls) ' : 'cut off ') + Math.round(table.getBoundingClientRect().width) + ' > ' + holder.clientWidth + ' at ' + window.innerWidth + ': ' + table.rows[1]?.textContent);
    for (const cell of table.querySelectorAll('td, th')) if (cell.scrollWidth > cell.clientWidth + 0.5 && getComputedStyle(cell).overflowX === 'hidden') clippedTables.push('cell cut off: ' + cell.textContent);
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, timeCharts, distributionCharts, textOutsideSection,
    pageText: document.body.innerText, clippedTables };
})()`;

/** The layout of the report open in `page`. */
export function measureReportLayout(page: Page): Promise<ReportLayout> {
  return page.evaluate<ReportLayout>(MEASURE);
}
