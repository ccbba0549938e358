/**
 * Order statistics of the n*m pairwise differences y[j] - x[i] without enumerating them, so the
 * Hodges-Lehmann shift of 10,000 vs 10,000 points costs milliseconds rather than 10^8 values.
 *
 * Each rank k is bracketed by two actual differences [low, high] and the bracket is narrowed by
 * counting, in one O(n + m) two-pointer pass, how many differences are <= t. Each pass also
 * returns the nearest differences on either side of t, so the bracket snaps to real values and
 * ties end the search at once. All ranks asked for are searched together, so a pass made for one
 * narrows the others. The first two probes come from a strided subsample of both sorted arrays
 * (whose difference quantiles are within about 1/64 + 1/64 of the truth); then each rank is
 * probed by interpolation on the counts (the CDF of the differences is smooth for real data),
 * guarded on both sides, with a bisection every third step to bound the worst case. When few
 * candidates are left they are enumerated and the rank is selected from them.
 */
import { selectKth } from './select.js';

/** Below this many pairs, enumerating every difference is simply faster. */
const ENUMERATE_ALL_LIMIT = 8192;
/** Values taken from each side for the subsample that seeds the search. */
const SEED_SIZE = 64;

interface Count {
  /** #{d <= t} */
  atMost: number;
  /** Largest difference <= t (-Infinity if none). */
  below: number;
  /** Smallest difference > t (+Infinity if none). */
  above: number;
}

function countAtMost(xs: Float64Array, ys: Float64Array, t: number): Count {
  const n = xs.length;
  let p = 0; // first i with ys[j] - xs[i] <= t; never decreases as ys[j] grows
  let atMost = 0;
  let below = -Infinity;
  let above = Infinity;
  for (let j = 0; j < ys.length; j++) {
    const y = ys[j]!;
    while (p < n && y - xs[p]! > t) p++;
    atMost += n - p;
    if (p < n && y - xs[p]! > below) below = y - xs[p]!;
    if (p > 0 && y - xs[p - 1]! < above) above = y - xs[p - 1]!;
  }
  return { atMost, below, above };
}

/** All differences in [low, high], unsorted (`size` is their known count). */
function differencesBetween(xs: Float64Array, ys: Float64Array, low: number, high: number, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = xs.length;
  let pHigh = 0; // first i with d <= high
  let pLow = 0; // first i with d < low
  let w = 0;
  for (let j = 0; j < ys.length; j++) {
    const y = ys[j]!;
    while (pHigh < n && y - xs[pHigh]! > high) pHigh++;
    if (pLow < pHigh) pLow = pHigh;
    while (pLow < n && y - xs[pLow]! >= low) pLow++;
    for (let i = pHigh; i < pLow && w < size; i++) out[w++] = y - xs[i]!;
  }
  return out.subarray(0, w);
}

/** Sorted differences of strided subsamples: approximate quantiles of all differences. */
function seedQuantiles(xs: Float64Array, ys: Float64Array): (q: number) => number {
  const pick = (a: Float64Array): Float64Array => {
    const size = Math.min(a.length, SEED_SIZE);
    return Float64Array.from({ length: size }, (_, i) => a[Math.floor(((i + 0.5) * a.length) / size)]!);
  };
  const sub = differencesBetween(
    pick(xs),
    pick(ys),
    -Infinity,
    Infinity,
    Math.min(xs.length, SEED_SIZE) * Math.min(ys.length, SEED_SIZE),
  ).sort();
  return (q) => sub[Math.min(sub.length - 1, Math.max(0, Math.round(q * sub.length - 0.5)))]!;
}

/** What is known about one rank: it lies in [low, high], both actual differences. */
interface Bracket {
  k: number;
  low: number;
  high: number;
  /** #{d < low} */
  countBelowLow: number;
  /** #{d <= high} */
  countAtMostHigh: number;
}

/** Finds several ranks at once: every counting pass narrows the bracket of every rank. */
class RankSearch {
  readonly brackets: Bracket[];
  private readonly enumerateLimit: number;

  constructor(
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
    ks: readonly number[],
  ) {
    const low = ys[0]! - xs[xs.length - 1]!;
    const high = ys[ys.length - 1]! - xs[0]!;
    const total = xs.length * ys.length;
    this.brackets = ks.map((k) => ({ k, low, high, countBelowLow: 0, countAtMostHigh: total }));
    this.enumerateLimit = Math.max(4096, xs.length + ys.length);
  }

  /** Count the differences <= t and narrow every bracket that t falls inside. */
  probe(t: number): void {
    if (!this.brackets.some((b) => t >= b.low && t < b.high)) return;
    const count = countAtMost(this.xs, this.ys, t);
    for (const b of this.brackets) {
      if (!(t >= b.low && t < b.high)) continue;
      if (count.atMost >= b.k) {
        b.high = count.below;
        b.countAtMostHigh = count.atMost;
      } else {
        b.low = count.above;
        b.countBelowLow = count.atMost;
      }
    }
  }

  /** Narrow one rank's bracket down to its value. */
  resolve(b: Bracket): number {
    for (let step = 0; b.low < b.high; step++) {
      const candidates = b.countAtMostHigh - b.countBelowLow;
      if (candidates <= this.enumerateLimit) {
        return selectKth(differencesBetween(this.xs, this.ys, b.low, b.high, candidates), b.k - b.countBelowLow - 1);
      }
      const { low, high } = b;
      if (step % 3 === 2) {
        // A plain bisection now and then bounds the worst case (heavy tails, clumped ties).
        this.probe(low + (high - low) / 2);
        if (b.low === low && b.high === high) this.probe(low);
        continue;
      }
      // Linear interpolation on the counts, guarded on both sides by 1% of the candidates so the
      // bracket closes around the rank instead of creeping towards it from one side.
      const at = (share: number): number => low + (high - low) * Math.min(1, Math.max(0, share));
      const share = (b.k - b.countBelowLow - 0.5) / candidates;
      this.probe(at(share - 0.01));
      if (b.low === low || b.high === high) this.probe(at(share + 0.01));
      if (b.low === low && b.high === high) this.probe(low);
    }
    return b.low;
  }
}

/** The k-th smallest (1-based) of ys[j] - xs[i], for each k; xs, ys sorted ascending and finite. */
export function pairwiseDifferenceRanks(xs: Float64Array, ys: Float64Array, ks: readonly number[]): number[] {
  const total = xs.length * ys.length;
  if (total === 0) throw new RangeError('pairwise differences need values on both sides');
  for (const k of ks) {
    if (!Number.isInteger(k) || k < 1 || k > total) throw new RangeError(`rank ${k} is outside 1..${total}`);
  }
  if (total <= ENUMERATE_ALL_LIMIT) {
    // Selected, not sorted: a few ranks of a few thousand differences (the history spread asks
    // for one or two per past moment, hundreds of moments per series) cost a fraction of a sort.
    const all = differencesBetween(xs, ys, -Infinity, Infinity, total);
    return ks.map((k) => selectKth(all, k - 1));
  }
  const search = new RankSearch(xs, ys, ks);
  // Two probes from the subsample bracket every rank to within about 2/64 of the rank space.
  const seed = seedQuantiles(xs, ys);
  const shares = ks.map((k) => (k - 0.5) / total);
  search.probe(seed(Math.max(0, Math.min(...shares) - 2 / SEED_SIZE)));
  search.probe(seed(Math.min(1, Math.max(...shares) + 2 / SEED_SIZE)));
  const found = new Map<number, number>();
  for (const bracket of [...search.brackets].sort((a, b) => a.k - b.k)) {
    const { k } = bracket;
    if (found.has(k)) continue;
    const previous = found.get(k - 1);
    if (previous === undefined) {
      found.set(k, search.resolve(bracket));
    } else {
      // The next rank is the same value when it repeats, else the smallest difference above it.
      const count = countAtMost(xs, ys, previous);
      found.set(k, count.atMost >= k ? previous : count.above);
    }
  }
  return ks.map((k) => found.get(k)!);
}

/** The k-th smallest (1-based) of ys[j] - xs[i]; xs and ys sorted ascending, finite, non-empty. */
export function kthPairwiseDifference(xs: Float64Array, ys: Float64Array, k: number): number {
  return pairwiseDifferenceRanks(xs, ys, [k])[0]!;
}
