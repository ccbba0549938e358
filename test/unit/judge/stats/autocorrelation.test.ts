/** Effective sample size on seeded AR(1) data: the estimate must track the truth, not the point count. */
import { ar1Inflation, correctLag1Bias, estimateInflation } from '../../../../src/judge/stats/autocorrelation.js';
import { holmAdjust } from '../../../../src/judge/stats/holm.js';
import { ar1Steps, seededRandom } from '../helpers/random.js';

function ar1Series(seed: number, n: number, phi: number): Float64Array {
  return Float64Array.from(ar1Steps(seededRandom(seed), n, phi));
}

const side = (values: Float64Array): { ordered: Float64Array; sorted: Float64Array } => ({
  ordered: values,
  sorted: Float64Array.from(values).sort(),
});

describe('estimateInflation', () => {
  test('iid data: phi near 0 and the effective n near the point count (averaged over 200 seeded pairs of 61 + 21)', () => {
    let phi = 0;
    for (let seed = 1; seed <= 200; seed++)
      phi += estimateInflation([side(ar1Series(seed, 61, 0)), side(ar1Series(seed + 1000, 21, 0))]).phi;
    // Clamped at 0, so the mean is a little above 0; the bias correction keeps it small.
    expect(phi / 200).toBeLessThan(0.08);
  });

  test.each([0.5, 0.8])(
    'AR(1) phi = %p: the pooled, bias-corrected estimate is within 0.05 of the truth on average',
    (truth) => {
      let phi = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const all = ar1Series(seed, 82, truth);
        phi += estimateInflation([side(all.subarray(0, 61)), side(all.subarray(61))]).phi;
      }
      // The rank autocorrelation of a Gaussian AR(1) is (6/pi) asin(phi/2): 0.483 at 0.5, 0.786 at 0.8.
      expect(Math.abs(phi / 200 - (6 / Math.PI) * Math.asin(truth / 2))).toBeLessThan(0.05);
    },
  );

  test('phi = 0.8 on 61 + 21 points: effective n is a fraction of the points (about 61/8 and 21/6)', () => {
    const all = ar1Series(42, 82, 0.8);
    const inflation = estimateInflation([side(all.subarray(0, 61)), side(all.subarray(61))]);
    expect(inflation.nEffective[0]).toBeLessThan(20);
    expect(inflation.nEffective[1]).toBeLessThan(8);
    expect(inflation.degreesOfFreedom).toBeLessThan(30);
  });

  test('5 + 5 points are too short to estimate: a conservative persistence (0.9) is borrowed, not none', () => {
    // Skipping the correction here gave 15% false alarms at phi 0.5 and 28% at phi 0.9 (7 + 7 points).
    const inflation = estimateInflation([
      side(Float64Array.from([1, 2, 3, 4, 5])),
      side(Float64Array.from([2, 3, 4, 5, 6])),
    ]);
    expect([inflation.estimated, inflation.basis, inflation.phi]).toEqual([false, 'borrowed', 0.9]);
    expect(inflation.factors[0]).toBeGreaterThan(3);
  });

  test('ar1Inflation is the finite-n variance ratio: 1 for phi 0, (1+phi)/(1-phi) for long windows', () => {
    expect(ar1Inflation(0, 50)).toBe(1);
    expect(ar1Inflation(0.5, 100000)).toBeCloseTo(3, 3);
    expect(ar1Inflation(0.5, 2)).toBeCloseTo(1.5, 12); // 1 + 2 (1 - 1/2) 0.5
  });

  test('correctLag1Bias undoes E[r] = phi - (1 + 4 phi)/n', () => {
    const n = 21;
    const phi = 0.8;
    expect(correctLag1Bias(phi - (1 + 4 * phi) / n, n)).toBeCloseTo(phi, 12);
  });
});

describe('holmAdjust', () => {
  test('hand-computed: p = 0.01, 0.04, 0.03, 0.005 (k = 4)', () => {
    // Sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04 -> running max 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 12));
  });

  test('capped at 1, and one test is left alone', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([0.03])).toEqual([0.03]);
  });
});
