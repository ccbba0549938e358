/**
 * The history spread (spread.ts) is measured faster without its numbers moving: the shift of each
 * past moment is the exact median of the pairwise differences (checked against every difference
 * sorted), and whole spreads of seeded histories are the same, to the last bit, as those the
 * measure gave before it was made faster (recorded below).
 */
import { measureHistorySpread, relativeShift, type HistoryGeometry } from '../../../../src/judge/history/spread.js';
import type { Point } from '../../../../src/types.js';
import { ar1Steps, seededRandom } from '../helpers/random.js';

const STEP = 15;
const DAY = 24 * 3600;

/** A latency whose log is an AR(1) with lag-1 correlation phi, one point every 15 s over `seconds`, rounded to `digits` (ties). */
function history(seed: number, seconds: number, phi: number, digits = 12): Point[] {
  const count = Math.floor(seconds / STEP) + 1;
  return ar1Steps(seededRandom(seed), count, phi).map((x, i) => ({
    t: i * STEP,
    v: Number((0.2 * Math.exp(0.3 * x)).toFixed(digits)),
  }));
}

/** The shift as the judge defines it, the slow way: every difference, sorted, its median, over the baseline's median. */
function bruteShift(baseline: Float64Array, candidate: Float64Array): number {
  const all: number[] = [];
  for (const y of candidate) for (const x of baseline) all.push(y - x);
  all.sort((a, b) => a - b);
  const mid = all.length / 2;
  const median = all.length % 2 === 1 ? all[Math.floor(mid)]! : (all[mid - 1]! + all[mid]!) / 2;
  const b = [...baseline].sort((p, q) => p - q);
  // The baseline's median as quantile type 7 interpolates it.
  const lower = b[Math.floor((b.length - 1) / 2)]!;
  const center = lower + 0.5 * ((b[Math.ceil((b.length - 1) / 2)] ?? lower) - lower) * ((b.length + 1) % 2);
  return median / center;
}

test.each([
  [121, 41, 12],
  [121, 40, 12],
  [120, 41, 12],
  [121, 41, 2],
  [241, 41, 12],
  [7, 3, 1],
])(
  'a moment of %i baseline and %i post points (%i digits): the shift is the median of every difference',
  (n, m, digits) => {
    const random = seededRandom(n * 1000 + m + digits);
    const side = (count: number, factor: number): Float64Array =>
      Float64Array.from({ length: count }, () =>
        Number((factor * Math.exp(0.3 * random.normal())).toFixed(digits)),
      ).sort();
    for (let r = 0; r < 20; r++) {
      const baseline = side(n, 1);
      const candidate = side(m, 1 + (r % 4) / 10);
      expect(relativeShift(baseline, candidate)).toBe(bruteShift(baseline, candidate));
    }
  },
);

// Recorded from the measure before it was made faster (same seeds, same geometry).
const RECORDED: Array<[string, number, number, number, HistoryGeometry, unknown]> = [
  [
    '24h, 30m baseline, 10m post, phi 0.9, values to 2 digits (many ties)',
    5,
    0.9,
    2,
    { baseline: 1800, gap: 0, post: 600, start: 0, end: DAY },
    { spread: 0.21271848630484164, scale: 'log', moments: 141, degreesOfFreedom: 35, noise: 0.048683211981629206 },
  ],
  [
    '24h, 30m baseline, 10m post, independent points',
    1,
    0,
    12,
    { baseline: 1800, gap: 0, post: 600, start: 0, end: DAY },
    { spread: 0.05066706347965715, scale: 'log', moments: 141, degreesOfFreedom: 35, noise: 0.05740483834721529 },
  ],
  [
    '24h, 30m baseline, 10m post, phi 0.9',
    2,
    0.9,
    12,
    { baseline: 1800, gap: 0, post: 600, start: 0, end: DAY },
    { spread: 0.2033594873152433, scale: 'log', moments: 141, degreesOfFreedom: 35, noise: 0.05147487852771078 },
  ],
  [
    '24h, 30m baseline, a 5m warmup gap, 9m45s post (an even number of pairs), phi 0.99',
    3,
    0.99,
    12,
    { baseline: 1800, gap: 300, post: 585, start: 0, end: DAY },
    { spread: 0.27187615535650295, scale: 'log', moments: 144, degreesOfFreedom: 31, noise: 0.023008118898509587 },
  ],
  [
    '12h, 1h baseline (241 points), 10m post, phi 0.5',
    4,
    0.5,
    12,
    { baseline: 3600, gap: 0, post: 600, start: 0, end: 12 * 3600 },
    { spread: 0.07802641002336129, scale: 'log', moments: 66, degreesOfFreedom: 9, noise: 0.05459273358941712 },
  ],
];

test.each(RECORDED)('%s: the same spread as before, bit for bit', (_, seed, phi, digits, geometry, expected) => {
  const points = history(seed, geometry.end, phi, digits);
  expect(measureHistorySpread(points, geometry, 5)).toEqual(expected);
});
