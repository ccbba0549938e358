/** How a Bayes factor is written: from its log, since a clear regression overflows exp() to Infinity. */
import { formatValue } from '../wording.js';

/** "0.31", "2400", "3.2e+321". */
export function formatBayesFactor(logBayesFactor: number): string {
  if (logBayesFactor < Math.log(1e6)) return formatValue(Math.exp(logBayesFactor));
  const log10 = logBayesFactor / Math.LN10;
  const exponent = Math.floor(log10);
  return `${Number((10 ** (log10 - exponent)).toFixed(1))}e+${exponent}`;
}

/** Above this many times the evidence is written as "over 1000x": beyond it the number says nothing more. */
export const EVIDENCE_CAP = 1000;

/**
 * The one wording of a sequential test's evidence, in the progress lines and in the reasons every
 * report prints: the e-value (Bayes factor or mixture martingale, from its log) against the
 * e-value at which the test stops, on one capped scale, with the anytime-valid p it implies,
 * p = min(1, alpha x needed / evidence) (1/BF for counts, 2/M for values, whose test spends alpha/2
 * on the baseline): "evidence 12x of the 40x needed (p = 0.083)", "evidence over 1000x of the 40x
 * needed (p < 0.001)". p is written as the reports write p.
 */
export function formatEvidence(logEvidence: number, needed: number, alpha: number): string {
  const evidence = Math.exp(logEvidence);
  const times =
    evidence > EVIDENCE_CAP
      ? `over ${EVIDENCE_CAP}x`
      : `${evidence >= 10 ? Math.round(evidence) : Number(evidence.toPrecision(2))}x`;
  const p = Math.min(1, alpha * needed * Math.exp(-logEvidence));
  const pText = p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(3))}`;
  return `evidence ${times} of the ${formatValue(needed)}x needed (${pText})`;
}
