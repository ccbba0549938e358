/** The horizontal grid and the value labels left of the plot, shared by the time and distribution charts. */
import { formatNumber } from '../../format.js';
import { PLOT_BOTTOM, PLOT_TOP } from './layout.js';
import { linearScale, valueExtent, type LinearScale } from './scale.js';
import { coord, svgText } from './svg.js';

/** The value scale for a series: both sides' finite values on one axis, so the charts compare like with like. */
export function valueScaleFor(values: readonly number[]): LinearScale {
  return linearScale(valueExtent(values), [PLOT_BOTTOM, PLOT_TOP], 4);
}

/** Grid lines across the plot and tick labels in the left padding (formatted like the report's numbers). */
export function renderValueAxis(scale: LinearScale): string {
  const parts = scale.ticks.map((tick) => {
    const y = coord(scale.at(tick));
    return `<line class="grid" x1="0" x2="100%" y1="${y}" y2="${y}"/>${svgText('-8', scale.at(tick) + 4, formatNumber(tick), 'class="tick" text-anchor="end"')}`;
  });
  return `<g class="value-axis">${parts.join('')}</g>`;
}
