/**
 * Heavily tied (discrete) values: the shift (Hodges-Lehmann, the median of every
 * candidate-minus-baseline difference) and the medians can tell different stories, and the
 * report must say why, not leave "shift 0%" beside a halved median.
 */
import { judgeCheck } from '../../../src/judge/judge-check.js';
import { check, series } from './helpers/series.js';

const LOW = 0.009434; // 1 error in 106 requests per step
const HIGH = 0.01887; // 2 in 106
/** `high` values HIGH and `low` values LOW, interleaved so that few consecutive points repeat. */
const interleaved = (high: number, low: number): number[] => {
  const out: number[] = [];
  let h = high;
  let l = low;
  while (h + l > 0) {
    if (h > 0 && (h >= l || out.at(-1) === LOW)) {
      out.push(HIGH);
      h -= 1;
    } else {
      out.push(LOW);
      l -= 1;
    }
  }
  return out;
};

test('two levels, 11 high and 9 low before, 9 high and 11 low after: the median halves, the shift is 0%, and a note says why', () => {
  // Data: baseline 11 x 0.01887 and 9 x 0.009434 (median 0.01887); candidate 9 x 0.01887 and
  // 11 x 0.009434 (median 0.009434). Of the 400 differences 198 are 0, 121 are -0.009434, 81 are
  // +0.009434: their median is 0, so the shift is 0%; the medians moved -50% only because the
  // middle value crossed from one level to the other. Verdict: pass (direction increase, a fall),
  // with a note naming the two levels.
  const baseline = interleaved(11, 9);
  const candidate = interleaved(9, 11);
  const result = judgeCheck(check({ name: 'error ratio' }), [series(baseline)], [series(candidate)], 'before-after');
  expect(result.reason).toMatch(/^shift 0% /);
  expect(result.verdict).toBe('pass');
  expect(result.series[0]?.relativeChange).toBe(0);
  expect(result.series[0]?.notes).toEqual([
    'the values take only 2 distinct levels (40 points): the shift is the median of every candidate-minus-baseline difference, and 198 of 400 differences are 0, so the median moving 0.0189 -> 0.00943 (-50.0%) is the middle value crossing between levels, not a shift of the values',
  ]);
});

test('continuous values (no ties) get no such note', () => {
  const baseline = Array.from({ length: 20 }, (_, i) => 0.2 + i * 0.001);
  const candidate = Array.from({ length: 20 }, (_, i) => 0.2005 + i * 0.001);
  const result = judgeCheck(check(), [series(baseline)], [series(candidate)], 'before-after');
  expect(result.series[0]?.notes ?? []).toEqual([]);
});
