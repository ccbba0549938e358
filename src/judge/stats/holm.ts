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

/**
 * Weighted Holm (Holm 1979): hypothesis i has weight w_i (the weights sum to at most 1) and is
 * rejected at the first step when p_i <= w_i alpha; after each rejection the remaining weights are
 * renormalised. Adjusted p, in the order given: max over j <= i of min(1, q_(j) sum_(k >= j) w_(k)),
 * q = p / w sorted ascending. Equal weights 1/k give holmAdjust. A weight of 0 never rejects.
 */
export function weightedHolmAdjust(tests: readonly { p: number; weight: number }[]): number[] {
  const order = tests
    .map((t, i) => ({ q: t.weight > 0 ? t.p / t.weight : Infinity, weight: Math.max(0, t.weight), i }))
    .sort((a, b) => a.q - b.q || a.i - b.i);
  let remaining = order.reduce((sum, t) => sum + t.weight, 0);
  const adjusted = new Array<number>(tests.length);
  let running = 0;
  for (const t of order) {
    running = Math.max(running, t.q === Infinity ? 1 : Math.min(1, t.q * remaining));
    adjusted[t.i] = running;
    remaining -= t.weight;
  }
  return adjusted;
}
