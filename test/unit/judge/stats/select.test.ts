import { selectKth } from '../../../../src/judge/stats/select.js';
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
