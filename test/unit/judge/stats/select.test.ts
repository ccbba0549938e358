import { quantileSorted } from '../../../../src/judge/stats/describe.js';
import { quantileUnsorted, selectKth } from '../../../../src/judge/stats/select.js';
import { draw, seededRandom } from '../helpers/random.js';

describe('selectKth', () => {
  const random = seededRandom(11);
  test.each([
    ['random', draw(501, () => random.normal())],
    [
      'sorted',
      draw(
        300,
        (() => {
          let i = 0;
          return () => i++;
        })(),
      ),
    ],
    [
      'reversed',
      draw(
        300,
        (() => {
          let i = 300;
          return () => i--;
        })(),
      ),
    ],
    ['many ties', draw(400, () => Math.floor(random.uniform() * 3))],
  ])('every rank of %s input equals the sorted order', (_name, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    for (let k = 0; k < values.length; k += 7) expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
    expect(selectKth(Float64Array.from(values), values.length - 1)).toBe(sorted[values.length - 1]);
  });
});

test('quantileUnsorted equals quantile type 7 of the sorted values, at every p, on ties and odd sizes', () => {
  const random = seededRandom(7);
  for (const size of [1, 2, 3, 20, 101]) {
    // Values on a coarse grid, so ties are common.
    const values = Float64Array.from({ length: size }, () => Math.round(random.uniform() * 10));
    const sorted = Float64Array.from(values).sort();
    for (const p of [0, 0.05, 0.5, 0.9, 0.95, 1])
      expect(quantileUnsorted(Float64Array.from(values), p)).toBeCloseTo(quantileSorted(sorted, p), 12);
  }
});
