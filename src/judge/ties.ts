/**
 * Heavily tied values (discrete data: an error ratio that is 0, 1/106 or 2/106 per step) make the
 * shift and the medians tell different stories. The shift is Hodges-Lehmann's: the median of every
 * candidate-minus-baseline difference. On two levels most differences are 0, so the shift is 0
 * while the median may halve, only because the middle value crossed from one level to the other.
 * The note says so, with the numbers, so a reader does not take the two for a contradiction.
 */
import { quantileSorted } from './stats/describe.js';
import { formatChange, formatValue } from './wording.js';

/** At most this share of the points may be distinct values for the data to count as heavily tied. */
const TIED_SHARE = 0.25;

/**
 * Distinct values of two sorted samples together, counted by one merge walk that stops once past
 * `limit`: most data is not tied, and a Map of every value would cost the judge on long series.
 */
function distinctUpTo(a: Float64Array, b: Float64Array, limit: number): number {
  let i = 0;
  let j = 0;
  let distinct = 0;
  let last = Number.NaN;
  while ((i < a.length || j < b.length) && distinct <= limit) {
    const v =
      j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (v !== last) {
      distinct += 1;
      last = v;
    }
  }
  return distinct;
}

function counts(sorted: Float64Array): Map<number, number> {
  const byValue = new Map<number, number>();
  for (const v of sorted) byValue.set(v, (byValue.get(v) ?? 0) + 1);
  return byValue;
}

/** The note, or none when the values are not heavily tied or the medians agree with the shift within the tolerance. */
export function describeTies(
  baseline: Float64Array,
  candidate: Float64Array,
  relativeChange: number | null,
  tolerance: number,
): string[] {
  const n = baseline.length;
  const m = candidate.length;
  if (n === 0 || m === 0 || relativeChange === null) return [];
  const distinct = distinctUpTo(baseline, candidate, Math.max(2, TIED_SHARE * (n + m)));
  if (distinct > Math.max(2, TIED_SHARE * (n + m))) return [];
  const medianBefore = quantileSorted(baseline, 0.5);
  const medianAfter = quantileSorted(candidate, 0.5);
  if (medianBefore === 0) return [];
  const medianChange = (medianAfter - medianBefore) / Math.abs(medianBefore);
  if (!(Math.abs(medianChange - relativeChange) > tolerance)) return [];
  const before = counts(baseline);
  const after = counts(candidate);
  let zeros = 0;
  for (const [value, count] of before) zeros += count * (after.get(value) ?? 0);
  return [
    `the values take only ${distinct} distinct levels (${n + m} points): the shift is the median of every candidate-minus-baseline difference, ` +
      `and ${zeros} of ${n * m} differences are 0, so the median moving ${formatValue(medianBefore)} -> ${formatValue(medianAfter)} (${formatChange(medianChange)}) ` +
      'is the middle value crossing between levels, not a shift of the values',
  ];
}
