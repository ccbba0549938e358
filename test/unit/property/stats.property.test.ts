/**
 * Properties of the statistics that any correct implementation has, on integer samples so that
 * shifting and scaling are exact in floating point: p in [0, 1]; the two-sided p is symmetric under
 * swapping the samples; one-sided p of (x, y) 'greater' equals (y, x) 'less'; p is invariant to
 * shifting both samples; the Hodges-Lehmann shift is equivariant to shifts and positive scaling.
 */
import fc from 'fast-check';
import { hodgesLehmann } from '../../../src/judge/stats/hodges-lehmann.js';
import { mannWhitney } from '../../../src/judge/stats/mann-whitney.js';

const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 25 });
const shift = fc.integer({ min: -1_000_000, max: 1_000_000 });
const alternative = fc.constantFrom('greater' as const, 'less' as const, 'two-sided' as const);
const RUNS = { numRuns: 150 };

test('p is in [0, 1]', () => {
  fc.assert(
    fc.property(sample, sample, alternative, (x, y, alt) => {
      const { pValue } = mannWhitney(x, y, alt);
      expect(pValue).toBeGreaterThanOrEqual(0);
      expect(pValue).toBeLessThanOrEqual(1);
    }),
    RUNS,
  );
});

test('two-sided p is the same with the samples swapped; greater(x, y) = less(y, x)', () => {
  fc.assert(
    fc.property(sample, sample, (x, y) => {
      expect(mannWhitney(x, y, 'two-sided').pValue).toBeCloseTo(mannWhitney(y, x, 'two-sided').pValue, 12);
      expect(mannWhitney(x, y, 'greater').pValue).toBeCloseTo(mannWhitney(y, x, 'less').pValue, 12);
    }),
    RUNS,
  );
});

test('shifting both samples by the same amount changes neither U nor p', () => {
  fc.assert(
    fc.property(sample, sample, shift, alternative, (x, y, c, alt) => {
      const before = mannWhitney(x, y, alt);
      const after = mannWhitney(
        x.map((v) => v + c),
        y.map((v) => v + c),
        alt,
      );
      expect(after.u).toBe(before.u);
      expect(after.pValue).toBe(before.pValue);
    }),
    RUNS,
  );
});

test('Hodges-Lehmann: shifting the candidate by c moves the estimate by c; shifting both or scaling by a > 0 behaves', () => {
  fc.assert(
    fc.property(sample, sample, shift, fc.integer({ min: 1, max: 1000 }), (x, y, c, a) => {
      const base = hodgesLehmann(x, y);
      expect(
        hodgesLehmann(
          x,
          y.map((v) => v + c),
        ).estimate,
      ).toBe(base.estimate + c);
      expect(
        hodgesLehmann(
          x.map((v) => v + c),
          y.map((v) => v + c),
        ).estimate,
      ).toBe(base.estimate);
      expect(
        hodgesLehmann(
          x.map((v) => v * a),
          y.map((v) => v * a),
        ).estimate,
      ).toBe(base.estimate * a);
      expect(base.lower).toBeLessThanOrEqual(base.estimate);
      expect(base.upper).toBeGreaterThanOrEqual(base.estimate);
    }),
    RUNS,
  );
});
