/** A series' numbers as plain text parts, shared by the human and JUnit reports. */
import type { SeriesResult } from '../types.js';
import { sanitizeText } from '../sanitize-text.js';
import { formatChange, formatNumber, formatPNumber, formatPValue, formatSeriesLabels } from './format.js';
import { verdictLabel } from './summary.js';
import { impactLine } from './impact-text.js';

export interface SeriesTextParts {
  /** `FAIL {route="/pay"}`, with `: reason` when the reason adds to the check's. */
  heading: string;
  /** `n 60 -> 20`, `median 0.002 -> 0.0065`, `p95 ...`, the change, the p-value, dropped points. */
  numbers: string[];
  /** Index of the change within `numbers`, for reporters that highlight it. */
  changeIndex: number;
}

/** Break a series into the parts a text line shows; `checkReason` suppresses a repeated reason. */
export function describeSeriesText(series: SeriesResult, checkReason: string): SeriesTextParts {
  const reason = series.reason !== '' && series.reason !== checkReason ? `: ${sanitizeText(series.reason)}` : '';
  const { baseline, candidate } = series;
  const numbers = [
    `n ${baseline.n} -> ${candidate.n}${describeEffective(series)}`,
    `median ${formatNumber(baseline.median)} -> ${formatNumber(candidate.median)}`,
    `p95 ${formatNumber(baseline.p95)} -> ${formatNumber(candidate.p95)}`,
    series.relativeChange === null ? 'change n/a' : formatChange(series.relativeChange, series.relativeChangeInterval),
    formatPValue(series.pValue) + describeAdjusted(series),
  ];
  const dropped = baseline.nan + baseline.infinite + candidate.nan + candidate.infinite;
  if (dropped > 0) numbers.push(`${dropped} NaN/Inf dropped`);
  return {
    heading: `${verdictLabel(series.verdict)} ${formatSeriesLabels(series.labels)}${reason}`,
    numbers,
    changeIndex: 3,
  };
}

/** " (effective 12 -> 5)" when autocorrelation makes the points worth noticeably fewer samples. */
function describeEffective({ baseline, candidate }: SeriesResult): string {
  if (baseline.nEffective === undefined || candidate.nEffective === undefined || baseline.trials !== undefined)
    return '';
  if (baseline.nEffective >= 0.9 * baseline.n && candidate.nEffective >= 0.9 * candidate.n) return '';
  return ` (effective ${formatNumber(baseline.nEffective)} -> ${formatNumber(candidate.nEffective)})`;
}

/** " (Holm-adjusted 0.12)" when the multiple-comparison adjustment changed the p-value. */
function describeAdjusted(series: SeriesResult): string {
  const adjusted = series.pValueAdjusted;
  if (adjusted === undefined || adjusted === null || adjusted === series.pValue) return '';
  return ` (Holm-adjusted ${formatPNumber(adjusted)})`;
}

/** The plain lines of a series, the numbers (and the impact of one that did not pass) indented under the labels. */
export function renderSeriesText(series: SeriesResult, checkReason: string, indent = ''): string[] {
  const parts = describeSeriesText(series, checkReason);
  const hang = ' '.repeat(verdictLabel(series.verdict).length + 1);
  const impact = impactLine(series);
  return [
    `${indent}${parts.heading}`,
    `${indent}${hang}${parts.numbers.join('  ')}`,
    ...(impact === null ? [] : [`${indent}${hang}${sanitizeText(impact)}`]),
  ];
}
