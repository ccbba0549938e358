/** Selection of the k-th smallest value in linear expected time (Hoare's quickselect). */

/** The k-th smallest (0-based) value of `values`; reorders `values` in place. */
export function selectKth(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new RangeError(`index ${k} is outside 0..${values.length - 1}`);
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // Median of three keeps sorted and reverse-sorted input linear.
    const mid = (left + right) >>> 1;
    const pivot = medianOfThree(values[left]!, values[mid]!, values[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** Quantile type 7 (as quantileSorted) of unsorted values without sorting them all; reorders `values` in place. */
export function quantileUnsorted(values: Float64Array, p: number): number {
  const position = (values.length - 1) * p;
  const below = Math.floor(position);
  const lower = selectKth(values, below);
  if (below === position || below + 1 >= values.length) return lower;
  // After the selection every value right of `below` is >= lower: the next order statistic is their minimum.
  let next = Infinity;
  for (let i = below + 1; i < values.length; i++) if (values[i]! < next) next = values[i]!;
  return lower + (position - below) * (next - lower);
}
