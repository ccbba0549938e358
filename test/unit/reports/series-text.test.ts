/** The text lines of one series (terminal, GitHub annotations, JUnit system-out). */
import { describeSeriesText } from '../../../src/reports/series-text.js';
import { buildSeries } from '../../fixtures/reports/run-result.js';

test('a series with no labels (a query without grouping) is named as such, not as an empty selector `{}`', () => {
  // Data: the single series of `sum(rate(...))`, labels {}. The reader saw `PASS {}`.
  const parts = describeSeriesText(buildSeries({}, { verdict: 'pass' }), 'the check reason');
  expect(parts.heading.startsWith('PASS (no labels)')).toBe(true);
});

test('a labelled series keeps its selector', () => {
  const parts = describeSeriesText(buildSeries({ route: '/pay' }, { verdict: 'fail' }), 'x');
  expect(parts.heading.startsWith('FAIL {route="/pay"}')).toBe(true);
});

test('the Holm-adjusted p is worded from its number, beside the raw p', () => {
  const parts = describeSeriesText(buildSeries({}, { pValue: 0.0312, pValueAdjusted: 0.124 }), 'x');
  expect(parts.numbers[4]).toBe('p = 0.0312 (Holm-adjusted 0.124)');
  const tiny = describeSeriesText(buildSeries({}, { pValue: 0.00001, pValueAdjusted: 0.0004 }), 'x');
  expect(tiny.numbers[4]).toBe('p < 0.001 (Holm-adjusted < 0.001)');
});
