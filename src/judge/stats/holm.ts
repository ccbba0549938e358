/**
 * Holm's step-down adjustment: controls the family-wise error rate (the chance of any false
 * alarm) under any dependence between the tests, and is uniformly more powerful than Bonferroni.
 */

/** Holm-adjusted p-values, in the order given: max over j <= i of min(1, (k - j + 1) p_(j)). */
export function holmAdjust(pValues: readonly number[]): number[] {
  const k = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(k);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (k - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
