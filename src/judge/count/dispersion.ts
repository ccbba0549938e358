/**
 * Overdispersion of per-step counts: real errors come in bursts (a retry storm, one bad pod for a
 * minute), so counts vary more from step to step than binomial noise would. The Pearson
 * chi-square of the steps against the side's pooled rate, over its degrees of freedom, measures
 * it (1 = binomial); the test then divides the counts by it (quasi-binomial), so bursts alone do
 * not read as a regression.
 */
import type { CountStep } from './count-series.js';
import { longRunFactor, persistenceOfSides, pooledRate, stepsByTime } from './long-run-dispersion.js';

/** Pearson chi^2 / df of the steps' events against their pooled rate, floored at 1. */
export function estimateDispersion(steps: readonly CountStep[]): { chi2: number; df: number; dispersion: number } {
  const rate = pooledRate(steps);
  const used = steps.filter((s) => s.trials > 0);
  const df = used.length - 1;
  if (df < 1 || rate <= 0 || rate >= 1) return { chi2: 0, df: Math.max(df, 0), dispersion: 1 };
  let chi2 = 0;
  for (const s of used) {
    const expected = s.trials * rate;
    chi2 += (s.events - expected) ** 2 / (expected * (1 - rate));
  }
  return { chi2, df, dispersion: Math.max(1, chi2 / df) };
}

/**
 * The dispersion each side is deflated by: the larger of its own and the pooled estimate, since
 * 20 post steps estimate it poorly and an underestimate would raise false alarms; plus the
 * long-run part a slowly drifting rate adds to the window's total (long-run-dispersion.ts).
 */
export function sideDispersions(baseline: readonly CountStep[], candidate: readonly CountStep[]): [number, number] {
  const [sb, sc] = singleStepDispersions(baseline, candidate);
  const fit = persistenceOfSides(baseline, candidate);
  return [longRunFactor(sb, fit, stepsByTime(baseline).length), longRunFactor(sc, fit, stepsByTime(candidate).length)];
}

/** The dispersions of single steps alone (no long-run part): each side's own or the pooled one, the larger. */
export function singleStepDispersions(
  baseline: readonly CountStep[],
  candidate: readonly CountStep[],
): [number, number] {
  const b = estimateDispersion(baseline);
  const c = estimateDispersion(candidate);
  const pooledDf = b.df + c.df;
  const pooled = pooledDf > 0 ? Math.max(1, (b.chi2 + c.chi2) / pooledDf) : 1;
  return [Math.max(b.dispersion, pooled), Math.max(c.dispersion, pooled)];
}
