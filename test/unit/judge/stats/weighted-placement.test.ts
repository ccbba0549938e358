/**
 * The time-weighted Mann-Whitney behind the growth test: with equal weights it is Mann-Whitney's
 * U / (n m) and its null standard deviation Mann-Whitney's; under the null its level holds.
 */
import { mannWhitneySorted } from '../../../../src/judge/stats/mann-whitney.js';
import { weightedPlacement, weightedPlacementSd } from '../../../../src/judge/stats/weighted-placement.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();

describe('weightedPlacement', () => {
  test('with equal weights it is U / (n m), ties counted half', () => {
    // Baseline 1, 2, 2, 3; post 2, 4: U = (0.5 + 0.5 + 1) + 4 = 6 pairs won, 6 / 8 = 0.75.
    const baseline = sorted([3, 1, 2, 2]);
    const post = Float64Array.from([2, 4]);
    expect(weightedPlacement(baseline, post, Float64Array.from([0.5, 0.5]), 1, 0)).toBeCloseTo(0.75, 12);
    const u = mannWhitneySorted(sorted([2, 4]), baseline, 'greater').u;
    expect(u / 8).toBeCloseTo(0.75, 12);
  });

  test('weights move it toward the placement of the points they favour, and the move applies before placing', () => {
    // Post 0 (below every baseline point) then 10 (above all): weights 1/4, 3/4 give 0.75.
    const baseline = sorted([1, 2, 3, 4]);
    const post = Float64Array.from([0, 10]);
    expect(weightedPlacement(baseline, post, Float64Array.from([0.25, 0.75]), 1, 0)).toBeCloseTo(0.75, 12);
    // Divided by 10 first: 0 and 1, the 1 tying the baseline's 1 (half): 0.75 x 0.5 / 4.
    expect(weightedPlacement(baseline, post, Float64Array.from([0.25, 0.75]), 0.1, 0)).toBeCloseTo(0.09375, 12);
  });

  test("its null standard deviation with equal weights and independent points is Mann-Whitney's, sqrt((n + m + 1) / (12 n m))", () => {
    const n = 61;
    const m = 21;
    const weights = new Float64Array(m).fill(1 / m);
    const sd = weightedPlacementSd(weights, n, { persistence: 0, baselineFactor: 1 });
    expect(sd).toBeCloseTo(Math.sqrt((n + m + 1) / (12 * n * m)), 12);
  });

  test('under the null (both windows from one distribution) weights 1 + 3u reject at most alpha one-sided', () => {
    // 4000 draws of 61 + 21 independent normals; z = (placement - 1/2) / sd beyond 1.645 should
    // happen 5% of the time (standard error 0.34%): between 4% and 6%.
    const uniform = mulberry32(20261206);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const m = 21;
    const raw = Float64Array.from({ length: m }, (_, j) => 1 + (3 * j) / (m - 1));
    const total = raw.reduce((s, w) => s + w, 0);
    const weights = raw.map((w) => w / total);
    const sd = weightedPlacementSd(weights, 61, { persistence: 0, baselineFactor: 1 });
    let rejected = 0;
    for (let r = 0; r < 4000; r++) {
      const baseline = sorted(Array.from({ length: 61 }, normal));
      const post = Float64Array.from({ length: m }, normal);
      if ((weightedPlacement(baseline, post, weights, 1, 0) - 0.5) / sd > 1.645) rejected++;
    }
    expect(rejected / 4000).toBeGreaterThan(0.04);
    expect(rejected / 4000).toBeLessThan(0.06);
  });
});
