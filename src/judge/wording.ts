/** How the judge writes numbers in reasons: short, signed where a change, never "NaN". */
import type { Labels } from '../types.js';
import type { CleanSample } from './clean.js';

/** A relative change as a signed percentage: 0.031 -> "+3.1%". */
export function formatChange(fraction: number): string {
  const percent = fraction * 100;
  const size = Math.abs(percent);
  const text = `${size.toFixed(size >= 100 ? 0 : size >= 1 ? 1 : 2)}%`;
  if (/^0(\.0+)?%$/.test(text)) return '0%';
  return percent > 0 ? `+${text}` : `-${text}`;
}

/** A tolerance or threshold fraction as a percentage: 0.1 -> "10%". */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

/** A measured value with three significant digits: 0.0012345 -> "0.00123". */
export function formatValue(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e6 ? String(value) : String(Number(value.toPrecision(3)));
}

/** A p-value: "p = 0.042", "p = 3.1e-9", "p < 1e-300". */
export function formatP(p: number): string {
  if (p < 1e-300) return 'p < 1e-300';
  if (p < 0.001) return `p = ${p.toExponential(1)}`;
  return `p = ${Number(p.toPrecision(2))}`;
}

/** Labels as `route=/pay, code=500`; an unlabelled series as "the series". */
export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? 'the series' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** "3 of 60 (57 NaN)": usable values out of all points, with what was dropped. */
export function formatUsable(sample: CleanSample): string {
  const infinite = sample.positiveInfinite + sample.negativeInfinite;
  const total = sample.sorted.length + sample.nan + infinite;
  const dropped = [sample.nan > 0 ? `${sample.nan} NaN` : '', infinite > 0 ? `${infinite} ±Inf` : ''].filter(Boolean);
  return `${sample.sorted.length} of ${total}${dropped.length > 0 ? ` (${dropped.join(', ')})` : ''}`;
}
