import {
  formatChange,
  formatLabels,
  formatNumber,
  formatPercent,
  formatPValue,
  formatWindows,
} from '../../../src/reports/format.js';

describe('formatNumber', () => {
  test.each([
    [0, '0'],
    [0.0023, '0.0023'],
    [0.002345678, '0.002346'],
    [0.245, '0.245'],
    [1234.5678, '1235'],
    [9999.6, '10k'],
    [12345.6, '12.35k'],
    [999_999, '1M'],
    [1_234_567, '1.235M'],
    [-45_678, '-45.68k'],
    [1.5e-7, '1.5e-7'],
    [2e21, '2e+21'],
  ])('%p -> %s (4 significant digits, SI prefix from 10k)', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  test('missing and non-finite values are words, never "NaN"', () => {
    expect([formatNumber(null), formatNumber(undefined), formatNumber(Number.NaN)]).toEqual(['n/a', 'n/a', 'n/a']);
    expect([formatNumber(Infinity), formatNumber(-Infinity)]).toEqual(['+Inf', '-Inf']);
  });
});

describe('formatPercent and formatChange', () => {
  test.each([
    [2.4, '+240.0%'],
    [-0.05, '-5.0%'],
    [0, '0.0%'],
    [-0.0001, '0.0%'],
    [12.3456, '+1235%'],
    [1500, '+150k%'],
    [Infinity, '+Inf%'],
    [null, 'n/a'],
  ])('%p -> %s', (ratio, expected) => {
    expect(formatPercent(ratio)).toBe(expected);
  });

  test('the interval follows the change in brackets', () => {
    expect(formatChange(2.4, [1.802, 3.105])).toBe('+240.0% [+180.2%, +310.5%]');
    expect(formatChange(0.1, null)).toBe('+10.0%');
  });
});

describe('formatPValue', () => {
  test.each([
    [0.00004, 'p < 0.001'],
    [0.001, 'p = 0.00100'],
    [0.041234, 'p = 0.0412'],
    [0.5, 'p = 0.500'],
    [null, 'p n/a'],
    [Number.NaN, 'p n/a'],
  ])('%p -> %s', (p, expected) => {
    expect(formatPValue(p)).toBe(expected);
  });
});

describe('formatLabels', () => {
  test('PromQL selector form, sorted, metric name in front', () => {
    expect(formatLabels({ route: '/pay', code: '500', __name__: 'http_requests_total' })).toBe(
      'http_requests_total{code="500", route="/pay"}',
    );
    expect(formatLabels({})).toBe('{}');
  });

  test('quotes, backslashes and control characters are escaped as in a PromQL string', () => {
    expect(formatLabels({ a: 'x"y\\z\n', b: 'esc\u001b[31m' })).toBe('{a="x\\"y\\\\z\\n", b="esc\\u001b[31m"}');
  });

  test('a label name outside the legacy charset is quoted (Prometheus 3 UTF-8 names)', () => {
    expect(formatLabels({ 'service.name': 'api' })).toBe('{"service.name"="api"}');
  });
});

test('formatWindows drops the date repeated from the first time', () => {
  const windows = {
    baseline: { start: '2026-11-26T09:30:00Z', end: '2026-11-26T10:00:00Z' },
    post: { start: '2026-11-26T10:01:00Z', end: '2026-11-27T00:11:00Z' },
  };
  expect(formatWindows(windows)).toBe(
    'baseline 2026-11-26T09:30:00Z -> 10:00:00Z, post 10:01:00Z -> 2026-11-27T00:11:00Z',
  );
});
