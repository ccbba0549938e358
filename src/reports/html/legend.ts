/** The key under a series' caption: which line is which (by dash pattern and words, not colour alone). */
import { BASELINE_DASH } from './chart/time-series.js';
import type { Timeline } from './chart/timeline.js';

function lineKey(className: string, dash: string): string {
  return `<svg class="key" width="30" height="10" aria-hidden="true"><line class="${className}" x1="1" x2="29" y1="5" y2="5"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/></svg>`;
}

const WARMUP_KEY =
  '<svg class="key" width="16" height="12" aria-hidden="true"><rect class="warmup" x="0" y="0" width="16" height="12"/></svg>';

/** The legend for charts drawn on this timeline. */
export function renderLegend(timeline: Timeline): string {
  const beforeAfter = timeline.mode === 'before-after';
  const items = [
    `${lineKey('line baseline', BASELINE_DASH)}baseline${beforeAfter ? ' (before the deploy)' : timeline.mode === 'shifted-baseline' ? ' (shifted in time)' : ''}`,
    `${lineKey('line candidate', '')}candidate${beforeAfter ? ' (after the deploy)' : ''}`,
  ];
  if (timeline.deployAt !== null) items.push(`${lineKey('deploy', '')}deploy`);
  if (timeline.warmup !== null) items.push(`${WARMUP_KEY}warmup (not judged)`);
  return `<ul class="legend">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}
