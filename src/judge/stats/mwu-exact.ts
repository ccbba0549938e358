/**
 * The exact null distribution of the Mann-Whitney U statistic (no ties).
 *
 * The counts of U = u over the C(n + m, n) orderings are the coefficients of the Gaussian binomial
 * prod_{i=1..s} (1 - q^(l+i)) / (1 - q^i) (s, l the smaller and larger size). Dividing by
 * (1 - q^i) is a running sum, multiplying by (1 - q^(l+i)) subtracts a far smaller, shifted
 * coefficient; only the lower half u <= nm/2 is kept (the distribution is symmetric), where the
 * subtraction barely cancels. Checked against a pure-addition recurrence to 6e-16 relative and
 * against scipy (test/fixtures/stats/reference.json). Cost: s * nm / 2 operations, cached per size.
 */

const CACHE_LIMIT = 64;
const cache = new Map<string, Float64Array>();

/** Lower-half cumulative probabilities P(U <= u), u = 0..floor(nm/2). */
function lowerHalfCdf(small: number, large: number): Float64Array {
  const nm = small * large;
  const half = Math.floor(nm / 2);
  const counts = new Float64Array(half + 1);
  counts[0] = 1;
  for (let i = 1; i <= small; i++) {
    const shift = large + i;
    for (let u = half; u >= shift; u--) counts[u]! -= counts[u - shift]!;
    for (let u = i; u <= half; u++) counts[u]! += counts[u - i]!;
  }
  let total = 0;
  for (let u = 0; u <= half; u++) total += counts[u]!;
  // The upper half mirrors the lower; the middle coefficient (even nm) is counted once.
  total = 2 * total - (nm % 2 === 0 ? counts[half]! : 0);
  const cdf = new Float64Array(half + 1);
  let running = 0;
  for (let u = 0; u <= half; u++) {
    running += counts[u]!;
    cdf[u] = running / total;
  }
  return cdf;
}

function cachedCdf(n: number, m: number): Float64Array {
  const small = Math.min(n, m);
  const large = Math.max(n, m);
  const key = `${small},${large}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const cdf = lowerHalfCdf(small, large);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, cdf);
  return cdf;
}

/** Operations the exact distribution of sizes n, m costs (for choosing a method). */
export function exactCost(n: number, m: number): number {
  return (Math.min(n, m) * n * m) / 2;
}

/** P(U <= u) under the null hypothesis of no difference. */
export function exactCdf(u: number, n: number, m: number): number {
  const nm = n * m;
  const k = Math.floor(u + 1e-9);
  if (k < 0) return 0;
  if (k >= nm) return 1;
  const cdf = cachedCdf(n, m);
  // Symmetry about nm/2: P(U <= k) = 1 - P(U <= nm - k - 1).
  return k < cdf.length ? (cdf[k] as number) : 1 - (cdf[nm - k - 1] as number);
}

/** P(U >= u) exactly; the short tail is summed directly so tiny p-values keep their precision. */
export function exactSurvival(u: number, n: number, m: number): number {
  const nm = n * m;
  const k = Math.ceil(u - 1e-9);
  // P(U >= k) = P(U <= nm - k) by symmetry.
  return exactCdf(nm - k, n, m);
}
