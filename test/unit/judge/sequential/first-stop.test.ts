/**
 * The replays give the step at which the live looks would first have stopped: they are checked
 * against the live look functions called on every prefix (the definition), on seeded data.
 */
import { firstCountStop } from '../../../../src/judge/sequential/first-count-stop.js';
import { firstValueStop } from '../../../../src/judge/sequential/first-value-stop.js';
import { lookAtSeries } from '../../../../src/judge/sequential/look-series.js';
import { lookAtValues } from '../../../../src/judge/sequential/value-look.js';
import type { CountSide, CountStep } from '../../../../src/judge/count/count-series.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const T0 = 1_800_000_000;

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Log-normal latencies (median 0.2, log sd 0.3), times 15 s apart. */
function latencies(seed: number, n: number, factor: number, start: number): { t: number; v: number }[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    t: T0 + (start + i) * 15,
    v: 0.2 * factor * Math.exp(0.3 * normal(random)),
  }));
}

/** Requests ~150 a step, errors binomial at `rate` (small-mean inversion). */
function counts(seed: number, n: number, rate: number, start: number): CountSide {
  const random = mulberry32(seed);
  const steps: CountStep[] = Array.from({ length: n }, (_, i) => {
    const trials = Math.round(150 + Math.sqrt(150) * normal(random));
    let events = 0;
    for (let k = 0; k < trials; k++) if (random() < rate) events++;
    return { t: T0 + (start + i) * 15, events, trials };
  });
  return { labels: {}, steps, dropped: 0, zeroFilled: 0 };
}

const check = { direction: 'increase' as const, tolerance: 0.1 };

/** The first prefix at which `stops(prefix length)` holds, by brute force. */
function firstByPrefix(n: number, stops: (length: number) => boolean): number | null {
  for (let length = 1; length <= n; length++) if (stops(length)) return length;
  return null;
}

describe('firstValueStop is the first prefix where lookAtValues stops', () => {
  test.each([
    ['latency x1.5: stops within the 40 points', 11, 1.5],
    ['latency x2: stops after a few points', 12, 2],
    ['no change: never stops (null)', 13, 1],
  ])('%s', (_name, seed, factor) => {
    const baseline = Float64Array.from(latencies(seed, 120, 1, 0), (p) => p.v);
    const candidate = latencies(seed + 100, 40, factor, 120);
    const byPrefix = firstByPrefix(
      40,
      (length) =>
        lookAtValues(
          check,
          baseline,
          Float64Array.from(candidate.slice(0, length), (p) => p.v),
          0.05,
          40,
        ).stop,
    );
    const replay = firstValueStop(check, baseline, candidate, 0.05, 40);
    expect(replay?.at ?? null).toBe(byPrefix === null ? null : candidate[byPrefix - 1]!.t);
    if (factor === 1) expect(replay).toBeNull();
    if (factor === 2) expect(replay).not.toBeNull();
    if (replay !== null) expect(replay.look.stop).toBe(true);
  });
});

test('firstValueStop sorts its points by time first (pooled series arrive interleaved)', () => {
  const baseline = Float64Array.from(latencies(21, 120, 1, 0), (p) => p.v);
  const candidate = latencies(22, 40, 2, 120);
  expect(firstValueStop(check, baseline, [...candidate].reverse(), 0.05, 40)?.at).toBe(
    firstValueStop(check, baseline, candidate, 0.05, 40)?.at,
  );
});

describe('firstCountStop is the first prefix where lookAtSeries stops (with minTraffic on both sides)', () => {
  test.each([
    ['errors 1% -> 3% at ~150 requests a step: stops', 31, 0.03],
    ['errors 1% -> 2%: stops, later', 32, 0.02],
    ['errors 1% -> 1%: never stops (null)', 33, 0.01],
  ])('%s', (_name, seed, rate) => {
    const baseline = counts(seed, 120, 0.01, 0);
    const candidate = counts(seed + 100, 40, rate, 120);
    const trials = (steps: CountStep[]): number => steps.reduce((n, s) => n + s.trials, 0);
    const byPrefix = firstByPrefix(40, (length) => {
      const prefix = { ...candidate, steps: candidate.steps.slice(0, length) };
      return trials(prefix.steps) >= 100 && lookAtSeries(check, baseline, prefix, 0.05).stop;
    });
    const replay = firstCountStop(check, baseline, candidate, 0.05);
    expect(replay?.at ?? null).toBe(byPrefix === null ? null : candidate.steps[byPrefix - 1]!.t);
    if (rate === 0.01) expect(replay).toBeNull();
    if (rate === 0.03) expect(replay).not.toBeNull();
  });
});

test('firstCountStop waits for minTraffic: with minTraffic 1000 the first look is after ~7 steps of 150 requests', () => {
  const baseline = counts(41, 120, 0.01, 0);
  const candidate = counts(42, 40, 0.2, 120);
  const early = firstCountStop(check, baseline, candidate, 0.05)!;
  const late = firstCountStop({ ...check, minTraffic: 1000 }, baseline, candidate, 0.05)!;
  const index = (t: number): number => candidate.steps.findIndex((s) => s.t === t);
  expect(index(early.at)).toBeLessThan(index(late.at));
  expect(candidate.steps.slice(0, index(late.at) + 1).reduce((n, s) => n + s.trials, 0)).toBeGreaterThanOrEqual(1000);
});

test('a baseline below minTraffic never stops', () => {
  const baseline = counts(51, 0, 0.01, 0);
  expect(firstCountStop(check, baseline, counts(52, 40, 0.5, 120), 0.05)).toBeNull();
});
