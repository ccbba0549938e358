/** The human report's lines for one series: a header with its labels, its numbers, and its sparkline. */
import type { ChalkInstance } from 'chalk';
import type { SeriesResult, Verdict } from '../types.js';
import { formatNumber } from './format.js';
import { describeSeriesText } from './series-text.js';
import { seriesSparkline } from './sparkline.js';
import { verdictLabel } from './summary.js';
import { impactLine } from './impact-text.js';
import { sanitizeText } from '../sanitize-text.js';

/** The width sparkline lines are kept within. */
const LINE_WIDTH = 80;

/** Colour a verdict label the same way everywhere in the human report. */
export function paintVerdict(chalk: ChalkInstance, verdict: Verdict | 'warn', text: string): string {
  if (verdict === 'pass') return chalk.green(text);
  if (verdict === 'fail') return chalk.red(text);
  return chalk.yellow(text);
}

/**
 * `baseline ▁▂▁▂▁ | candidate ▃▅▇▆▇  0.0018..0.0072` after `prefix`: the series' one drawing
 * (seriesSparkline, the same glyphs as its summary row), with the shared scale's range when the
 * line fits in 80 columns; null without samples or without a finite value.
 */
export function renderSparklineLine(series: SeriesResult, prefix: string, unicode: boolean): string | null {
  if (series.samples === undefined) return null;
  const pair = seriesSparkline(series.samples, unicode);
  if (pair === null) return null;
  const line = `${prefix}baseline ${pair.baseline} | candidate ${pair.candidate}`;
  const ranged = `${line}  ${formatNumber(pair.scale.min)}..${formatNumber(pair.scale.max)}`;
  return ranged.length <= LINE_WIDTH ? ranged : line;
}

/**
 * Two lines per series, each within ~100 columns for ordinary labels, and a sparkline when the
 * judged points came with the result:
 *   FAIL {route="/pay"}: mean up 240% (tolerance 10%)
 *        n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001
 *        baseline ▁▂▁▂▁▁▂▁ | candidate ▅▇▆  0.0018..0.0072
 * The reason is left out when it only repeats the check's reason.
 */
export function renderHumanSeries(
  chalk: ChalkInstance,
  series: SeriesResult,
  checkReason: string,
  indent: string,
  unicode = false,
): string[] {
  const label = verdictLabel(series.verdict);
  const parts = describeSeriesText(series, checkReason);
  const heading = paintVerdict(chalk, series.verdict, label) + chalk.bold(parts.heading.slice(label.length));
  const numbers = parts.numbers.map((part, index) =>
    index === parts.changeIndex && series.verdict === 'fail' ? chalk.red(part) : part,
  );
  const hang = `${indent}${' '.repeat(label.length + 1)}`;
  const sparkline = renderSparklineLine(series, hang, unicode);
  const impact = impactLine(series);
  return [
    `${indent}${heading}`,
    `${hang}${numbers.join('  ')}`,
    ...(impact === null ? [] : [`${hang}${sanitizeText(impact)}`]),
    ...(sparkline === null ? [] : [sparkline]),
  ];
}
