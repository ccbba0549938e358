import { bucketValues, renderSparkline, renderSparklinePair, sharedScale } from '../../../src/reports/sparkline.js';
import { cyclePoints } from '../../fixtures/reports/samples.js';

const points = (values: number[]) => values.map((v, i) => ({ t: i * 30, v }));

describe('bucketValues', () => {
  test('the median of runs of `size` points; the last run may be shorter', () => {
    expect(bucketValues(points([1, 3, 5, 7, 9]), 2)).toEqual([2, 6, 9]);
  });

  test('a glyph is the median of its run, a level the points had: 0, 0, 0.0189 draw 0, not their mean 0.0063', () => {
    // Discrete data (an error ratio of 0 or 1/53 per step): a mean draws levels no point had.
    expect(bucketValues(points([0, 0, 0.0189, 0.0189, 0.0189, 0]), 3)).toEqual([0, 0.0189]);
  });

  test('NaN and ±Inf are left out of a run, and a run of nothing finite is NaN', () => {
    expect(bucketValues(points([1, Number.NaN, Infinity, -Infinity, 4]), 2)).toEqual([1, Number.NaN, 4]);
  });
});

describe('renderSparkline', () => {
  test('eight levels from the scale minimum to its maximum', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(renderSparkline(values, { min: 0, max: 7 }, true)).toBe('▁▂▃▄▅▆▇█');
    expect(renderSparkline(values, { min: 0, max: 7 }, false)).toBe('_.:-=+*#');
  });

  test('a flat scale draws the middle level; a value with nothing finite is a gap', () => {
    expect(renderSparkline([5, Number.NaN, 5], { min: 5, max: 5 }, true)).toBe('▄ ▄');
  });
});

test('sharedScale spans the finite values of every list, null when there are none', () => {
  expect(sharedScale([3, Number.NaN, 1], [7, -Infinity])).toEqual({ min: 1, max: 7 });
  expect(sharedScale([Number.NaN], [])).toBeNull();
});

describe('renderSparklinePair', () => {
  test('both sides on one scale, so a jump shows: a baseline near 2 draws low, a candidate near 8 high', () => {
    const pair = renderSparklinePair({ baseline: points([2, 2, 2, 2]), candidate: points([8, 8]) }, 16, true);
    expect(pair).toEqual({ baseline: '▁▁▁▁', candidate: '██', scale: { min: 2, max: 8 } });
  });

  test('the same points per glyph on both sides: 60 baseline and 20 candidate points at width 16 give 15 and 5 glyphs', () => {
    // ceil(60 / 16) = 4 points per glyph on both sides, so each glyph spans the same 2 minutes.
    const pair = renderSparklinePair(
      { baseline: cyclePoints(0, 60, [1, 2, 3, 4]), candidate: cyclePoints(0, 20, [1, 2, 3, 4]) },
      16,
      false,
    );
    expect(pair?.baseline).toHaveLength(15);
    expect(pair?.candidate).toHaveLength(5);
    // Every run of 4 has the median 2.5: a flat line, on both sides alike (no side looks calmer than the other).
    expect(new Set(pair?.baseline)).toEqual(new Set(pair?.candidate));
    expect(new Set(pair?.baseline).size).toBe(1);
    // The scale printed beside it is the points' own range (it was the glyphs', 2.5..2.5).
    expect(pair?.scale).toEqual({ min: 1, max: 4 });
  });

  test("the range is the points' own, so the median the report prints lies inside it", () => {
    // The demo's scraped error ratio: 0.009434 or 0.01887 per step, median 0.01887. Glyphs that
    // averaged 2 points gave the range 0.009434..0.01415, and the median lay outside it.
    const values = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 0.009434 : 0.01887));
    const pair = renderSparklinePair({ baseline: points(values), candidate: points(values.slice(0, 10)) }, 20, true);
    expect(pair?.scale).toEqual({ min: 0.009434, max: 0.01887 });
  });

  test('nothing finite to draw is null', () => {
    expect(renderSparklinePair({ baseline: points([Number.NaN]), candidate: [] }, 8, true)).toBeNull();
  });
});
