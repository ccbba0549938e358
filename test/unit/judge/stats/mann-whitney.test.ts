import { mannWhitney } from '../../../../src/judge/stats/mann-whitney.js';
import { expectClose, loadReference } from './reference.js';

const reference = loadReference();
const rows = reference.mannWhitney.flatMap((c) => c.results.map((r) => ({ ...r, name: c.name, x: c.x, y: c.y })));

describe(`Mann-Whitney U against scipy.stats.mannwhitneyu (${reference.generatedBy})`, () => {
  test.each(rows)('$name: $method $alternative -> U = $u, p = $pValue', ({ x, y, method, alternative, u, pValue }) => {
    const result = mannWhitney(x, y, alternative, { method });
    expect(result.u).toBe(u);
    expect(result.method).toBe(method);
    expectClose(result.pValue, pValue, 1e-9);
  });

  test.each(reference.smallestExactGreater)(
    'smallest exact one-sided p at n = m = $n is $pValue (0.0143, 0.0040, 0.0011, 0.00029 for 4..7)',
    ({ n, pValue }) => {
      const low = Array.from({ length: n }, (_, i) => i);
      const result = mannWhitney(
        low.map((v) => v + n),
        low,
        'greater',
      );
      expect(result.method).toBe('exact');
      expectClose(result.pValue, pValue, 1e-12);
    },
  );

  test('the known values of the smallest exact p: 1/C(2n, n)', () => {
    const expected = [0.0143, 0.004, 0.0011, 0.00029];
    reference.smallestExactGreater.forEach(({ pValue }, i) =>
      expect(pValue.toPrecision(2)).toBe(expected[i]?.toPrecision(2)),
    );
  });
});

describe('Mann-Whitney method choice and degenerate inputs', () => {
  test('auto is exact without ties when n*m <= 2500 or a side has <= 8 values, as or beyond scipy', () => {
    const a = Array.from({ length: 50 }, (_, i) => i * 1.1);
    const b = Array.from({ length: 50 }, (_, i) => i * 1.3 + 0.05);
    expect(mannWhitney(a, b, 'greater').method).toBe('exact');
    expect(
      mannWhitney(
        [1, 2, 3],
        Array.from({ length: 5000 }, (_, i) => i + 0.5),
        'less',
      ).method,
    ).toBe('exact');
    expect(mannWhitney([...a, 100], [...b, 200], 'greater').method).toBe('asymptotic');
  });

  test('ties force the normal approximation (exact assumes none) and an explicit exact request throws', () => {
    expect(mannWhitney([1, 2, 2, 3], [2, 3, 4], 'greater').method).toBe('asymptotic');
    expect(() => mannWhitney([1, 2, 2, 3], [2, 3, 4], 'greater', { method: 'exact' })).toThrow(/no ties/);
  });

  test('all values tied: p = 1 and z = 0 for every alternative, never NaN', () => {
    for (const alternative of ['greater', 'less', 'two-sided'] as const) {
      const result = mannWhitney([0, 0, 0, 0, 0], [0, 0, 0], alternative);
      expect(result).toEqual({ u: 7.5, z: 0, pValue: 1, method: 'asymptotic' });
    }
  });

  test('an empty side or a NaN is a clear error the judge avoids by cleaning first', () => {
    expect(() => mannWhitney([], [1, 2], 'greater')).toThrow(/at least one value on each side/);
    expect(() => mannWhitney([1, Number.NaN], [1, 2], 'greater')).toThrow(/non-finite/);
  });

  test("'greater' means x tends to be larger", () => {
    const low = [1, 2, 3, 4, 5, 6];
    const high = low.map((v) => v + 10);
    expect(mannWhitney(high, low, 'greater').pValue).toBeLessThan(0.01);
    expect(mannWhitney(high, low, 'less').pValue).toBe(1);
    expect(mannWhitney(high, low, 'greater').z).toBeGreaterThan(2);
  });
});
