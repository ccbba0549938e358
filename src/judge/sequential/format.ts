/** How a Bayes factor is written: from its log, since a clear regression overflows exp() to Infinity. */
import { formatValue } from '../wording.js';

/** "0.31", "2400", "3.2e+321". */
export function formatBayesFactor(logBayesFactor: number): string {
  if (logBayesFactor < Math.log(1e6)) return formatValue(Math.exp(logBayesFactor));
  const log10 = logBayesFactor / Math.LN10;
  const exponent = Math.floor(log10);
  return `${Number((10 ** (log10 - exponent)).toFixed(1))}e+${exponent}`;
}
