/**
 * Alpha spent once by a watched check: its looks (the anytime-valid tests while the post window
 * fills) and its fixed test at the window's end are two tests of one hypothesis, so together they
 * may spend the series' share of alpha once, not twice.
 *
 * The family is fixed before the first look: m = the series of the watched checks present in their
 * complete baselines, plus one for every other critical check of the run (whose series are only
 * known once its post window is read). Each watched series owns 1/m of alpha: its looks stop at
 * LOOK_SHARE alpha / m (Bonferroni: the looks stop at a data-dependent time), and its fixed test
 * enters Holm's adjustment with p / (1 - LOOK_SHARE) and the same weight 1/m (adjust-run.ts,
 * weighted Holm). The combined p of a watched series, min(p_looks / LOOK_SHARE,
 * p_fixed / (1 - LOOK_SHARE)), is a valid p-value whatever the dependence between its two parts
 * (a Bonferroni of two), so Holm's inputs stay calibrated, and a stop (p_looks <= LOOK_SHARE alpha
 * / m) is a rejection of the weighted Holm's first step: everything the looks stop, the final
 * adjustment would have failed too. The other critical checks share the rest of the weight,
 * 1 - (watched series) / m, equally among their tests; with no watched check, plain Holm.
 *
 * A series first seen after the first look is not watched (it is judged at the window's end), and
 * m never grows: growing it made an early series tested at alpha / 1 and later ones at alpha / m.
 *
 * Why a split and not "the final test is the last look": the fixed test (long-run variance,
 * Mann-Whitney or the exact binomial, on the whole window) is far more powerful at the window's
 * end than the anytime-valid test, whose boundary is about twice as wide; measured in
 * docs/benchmarks.md ("Alpha spent once"), where the share below was chosen.
 */

/**
 * The share of a watched series' alpha its looks spend; its fixed test keeps the rest. Re-measured
 * with the looks on the long-run variance (docs/benchmarks.md, "Earlier stops without spending
 * alpha twice"): half would stop +20% latency at a median 1560 s instead of 1950 s over 50 minutes
 * of looks, but the final test would catch +10% 76% of the time instead of 80%.
 */
export const LOOK_SHARE = 0.25;

/** The family the looks split alpha over, fixed at the first look. */
export interface SequentialFamily {
  /** m: watched series in their complete baselines, plus one per other critical check. */
  tests: number;
  /** The watched checks by name, each with its series in the complete baseline. */
  watched: ReadonlyMap<string, number>;
  /** The share of alpha the looks spend (LOOK_SHARE). */
  share: number;
}

/** The level of one watched series' looks: share x alpha / m. */
export function sequentialAlpha(alpha: number, tests: number, share = LOOK_SHARE): number {
  return (share * alpha) / Math.max(1, tests);
}
