/** The human report's lines for one series: a header with its labels, then its numbers on one line. */
import type { ChalkInstance } from 'chalk';
import type { SeriesResult, Verdict } from '../types.js';
import { describeSeriesText } from './series-text.js';
import { verdictLabel } from './summary.js';

/** Colour a verdict label the same way everywhere in the human report. */
export function paintVerdict(chalk: ChalkInstance, verdict: Verdict | 'warn', text: string): string {
  if (verdict === 'pass') return chalk.green(text);
  if (verdict === 'fail') return chalk.red(text);
  return chalk.yellow(text);
}

/**
 * Two lines per series, each within ~100 columns for ordinary labels:
 *   FAIL {route="/pay"}: mean up 240% (tolerance 10%)
 *        n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001
 * The reason is left out when it only repeats the check's reason.
 */
export function renderHumanSeries(chalk: ChalkInstance, series: SeriesResult, checkReason: string, indent: string): string[] {
  const label = verdictLabel(series.verdict);
  const parts = describeSeriesText(series, checkReason);
  const heading = paintVerdict(chalk, series.verdict, label) + chalk.bold(parts.heading.slice(label.length));
  const numbers = parts.numbers.map((part, index) => (index === parts.changeIndex && series.verdict === 'fail' ? chalk.red(part) : part));
  return [`${indent}${heading}`, `${indent}${' '.repeat(label.length + 1)}${numbers.join('  ')}`];
}
