import { quantileSorted as simpleQuantileSorted } from 'simple-statistics';
import { cleanPoints } from '../../../../src/judge/clean.js';
import { aggregateSorted, describeSample, quantileSorted } from '../../../../src/judge/stats/describe.js';
import { draw, seededRandom } from '../helpers/random.js';

const points = (values: number[]) => values.map((v, i) => ({ t: i, v }));

describe('describeSample', () => {
  test('n, mean, median and p95 (type 7) of the finite values; NaN and ±Inf only counted', () => {
    const sample = cleanPoints(points([5, 1, Number.NaN, 3, Infinity, 2, 4, -Infinity, Number.NaN]));
    expect(describeSample(sample)).toEqual({ n: 5, mean: 3, median: 3, p95: 4.8, nan: 2, infinite: 2 });
  });

  test('an empty sample has null statistics, never NaN', () => {
    expect(describeSample(cleanPoints(points([Number.NaN])))).toEqual({
      n: 0,
      mean: null,
      median: null,
      p95: null,
      nan: 1,
      infinite: 0,
    });
  });

  test('quantiles match simple-statistics quantileSorted (numpy linear)', () => {
    const random = seededRandom(3);
    const sorted = draw(37, () => random.lognormal(0.2, 0.5)).sort((a, b) => a - b);
    for (const p of [0, 0.1, 0.5, 0.9, 0.95, 0.99, 1]) {
      expect(quantileSorted(Float64Array.from(sorted), p)).toBeCloseTo(simpleQuantileSorted(sorted, p), 14);
    }
  });

  test.each([
    ['mean', 22],
    ['median', 3],
    ['p90', 61.6],
    ['p95', 80.8],
    ['p99', 96.16],
    ['max', 100],
  ] as const)('aggregate %s of [1, 2, 3, 4, 100] is %p (numpy.percentile agrees)', (aggregate, expected) => {
    expect(aggregateSorted(Float64Array.of(1, 2, 3, 4, 100), aggregate)).toBeCloseTo(expected, 10);
  });
});

describe('cleanPoints', () => {
  test('splits into sorted finite values and NaN / +Inf / -Inf counts', () => {
    const sample = cleanPoints(points([3, Number.NaN, Infinity, 1, Infinity, -Infinity, 2]));
    expect(Array.from(sample.sorted)).toEqual([1, 2, 3]);
    expect([sample.nan, sample.positiveInfinite, sample.negativeInfinite]).toEqual([1, 2, 1]);
  });
});
