import { hodgesLehmann, hodgesLehmannIntervalRanks } from '../../../../src/judge/stats/hodges-lehmann.js';
import { kthPairwiseDifference, pairwiseDifferenceRanks } from '../../../../src/judge/stats/pairwise-differences.js';
import { draw, seededRandom } from '../helpers/random.js';
import { expectClose, loadReference } from './reference.js';

const reference = loadReference();
const rows = reference.hodgesLehmann.flatMap((c) => c.intervals.map((interval) => ({ ...interval, ...c })));

/** Every difference candidate - baseline, sorted: the definition, for checking the selection. */
function allDifferences(baseline: number[], candidate: number[]): Float64Array {
  return Float64Array.from(candidate.flatMap((c) => baseline.map((b) => c - b))).sort();
}

describe('Hodges-Lehmann against numpy (estimate) and R wilcox.test ported to scipy (interval)', () => {
  test.each(rows)(
    '$name at $confidence: estimate $estimate, [$lower, $upper]',
    ({ baseline, candidate, confidence, estimate, lower, upper }) => {
      const result = hodgesLehmann(baseline, candidate, confidence);
      const scale = Math.max(Math.abs(lower), Math.abs(upper), 1e-300);
      expectClose(result.estimate, estimate, 1e-12, 1e-15);
      // R's roots come from brentq to 1e-12; ours are the exact order statistics they converge to.
      expectClose(result.lower, lower, 0, 1e-9 * scale);
      expectClose(result.upper, upper, 0, 1e-9 * scale);
    },
  );

  test('the sign is candidate minus baseline: a slower candidate has a positive shift', () => {
    const result = hodgesLehmann([1, 2, 3, 4, 5], [11, 12, 13, 14, 15]);
    expect(result.estimate).toBe(10);
    expect(result.lower).toBeGreaterThan(0);
  });

  test('interval ranks are symmetric and clamp to the available differences', () => {
    const ranks = hodgesLehmannIntervalRanks(60, 20, 0, 0.95);
    expect(ranks.lower + ranks.upper).toBe(60 * 20 + 1);
    expect(hodgesLehmannIntervalRanks(1, 1, 0, 0.99)).toEqual({ lower: 1, upper: 1 });
  });
});

describe('k-th pairwise difference by selection equals the sorted enumeration', () => {
  const random = seededRandom(7);
  const cases = [
    {
      name: 'continuous, 300 x 250 (selection path)',
      b: draw(300, () => random.lognormal(0.2, 0.4)),
      c: draw(250, () => random.lognormal(0.22, 0.4)),
    },
    {
      name: 'heavy ties, 400 x 300 integers',
      b: draw(400, () => Math.floor(random.uniform() * 5)),
      c: draw(300, () => Math.floor(random.uniform() * 6)),
    },
    {
      name: 'mostly zeros, 500 x 100',
      b: draw(500, () => (random.uniform() < 0.9 ? 0 : random.uniform())),
      c: draw(100, () => (random.uniform() < 0.5 ? 0 : random.uniform())),
    },
    { name: 'constant sides, 200 x 150', b: draw(200, () => 3), c: draw(150, () => 5) },
    {
      name: 'heavy tails: 2% timeouts a million times larger, 1000 x 800',
      b: draw(1000, () => (random.uniform() < 0.02 ? 1e6 : random.lognormal(0.2, 0.3))),
      c: draw(800, () => (random.uniform() < 0.02 ? 1e6 : random.lognormal(0.25, 0.3))),
    },
    {
      name: 'negative and positive values, 700 x 900',
      b: draw(700, () => random.normal(-5, 20)),
      c: draw(900, () => random.normal(3, 1)),
    },
  ];
  test.each(cases)('$name', ({ b, c }) => {
    const sorted = allDifferences(b, c);
    const xs = Float64Array.from(b).sort();
    const ys = Float64Array.from(c).sort();
    const total = sorted.length;
    const ks = [
      1,
      2,
      Math.floor(total / 3),
      Math.floor(total / 2),
      Math.floor(total / 2) + 1,
      Math.floor(total * 0.49),
      total - 7,
      total,
    ];
    for (const k of ks) expect(kthPairwiseDifference(xs, ys, k)).toBe(sorted[k - 1]);
    expect(pairwiseDifferenceRanks(xs, ys, ks)).toEqual(ks.map((k) => sorted[k - 1]));
  });

  test('ranks outside 1..n*m are refused', () => {
    expect(() => kthPairwiseDifference(Float64Array.of(1), Float64Array.of(2), 2)).toThrow(/outside/);
  });
});
