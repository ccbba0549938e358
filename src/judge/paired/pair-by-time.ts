/**
 * Pairing by timestamp: each candidate point at t with the baseline point at t - offset (offset 0
 * for a canary, whose two queries read the same window; `baseline.offset` for a seasonal
 * baseline). Both sides come from range queries on the same step grid, so the times normally
 * match exactly; a baseline point within half a step of t - offset is accepted for grids that do
 * not line up (an offset that is not a multiple of the step).
 */

/** One side in time order: its finite values and their timestamps. */
export interface TimedValues {
  ordered: Float64Array;
  times: Float64Array;
}

/** The paired values, in the candidate's time order. */
export interface Pairs {
  baseline: Float64Array;
  candidate: Float64Array;
  /** The candidate's timestamps. */
  times: Float64Array;
}

/** True when some timestamp repeats (series pooled from several instances): pairs would be a guess. */
function repeatsTimes(times: Float64Array): boolean {
  for (let i = 1; i < times.length; i++) if (times[i] === times[i - 1]) return true;
  return false;
}

/** Half the smallest gap between consecutive times: how far a match may be from its target. */
function slackOf(times: Float64Array): number {
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  return Number.isFinite(gap) ? gap / 2 - 1e-9 : 0;
}

/** Pair candidate point t with baseline point t - offset; null (with the reason) when the times cannot be paired. */
export function pairByTime(
  baseline: TimedValues,
  candidate: TimedValues,
  offset: number,
): { pairs: Pairs } | { unpaired: string } {
  if (repeatsTimes(baseline.times) || repeatsTimes(candidate.times))
    return { unpaired: 'several points share a timestamp (a series pooled from several instances)' };
  const slack = slackOf(baseline.times);
  const size = candidate.times.length;
  const b = new Float64Array(size);
  const c = new Float64Array(size);
  const t = new Float64Array(size);
  let count = 0;
  let j = 0;
  for (let i = 0; i < size; i++) {
    const target = candidate.times[i]! - offset;
    while (j + 1 < baseline.times.length && baseline.times[j + 1]! <= target) j++;
    // The nearest baseline time is j or j + 1.
    let best = -1;
    let distance = Infinity;
    for (const k of [j, j + 1]) {
      if (k >= baseline.times.length) continue;
      const d = Math.abs(baseline.times[k]! - target);
      if (d < distance) {
        distance = d;
        best = k;
      }
    }
    if (best < 0 || distance > slack) continue;
    b[count] = baseline.ordered[best]!;
    c[count] = candidate.ordered[i]!;
    t[count++] = candidate.times[i]!;
  }
  return { pairs: { baseline: b.subarray(0, count), candidate: c.subarray(0, count), times: t.subarray(0, count) } };
}
