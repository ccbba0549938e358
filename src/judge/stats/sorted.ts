/** Sorting helpers shared by the statistics: typed arrays sort numerically and fast. */

/** An ascending copy of the values as a Float64Array (the input is left untouched). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Throw when a value is NaN or infinite: the judge classifies those before any test runs. */
export function assertFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${what} contains a non-finite value (${String(values[i])}); clean the data first`);
    }
  }
}

/** Sum of t^3 - t over groups of equal values in a sorted array (the ties term of the U variance). */
export function tieTerm(sorted: Float64Array): number {
  let total = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const t = j - i;
    total += t * t * t - t;
    i = j;
  }
  return total;
}
