import { renderJson } from '../../../src/reports/json.js';
import { buildHostileRunResult, buildRunResult } from '../../fixtures/reports/run-result.js';

describe('renderJson', () => {
  test('has exactly the fields of the public interface, in its order, plus the documented additions', () => {
    const report = JSON.parse(renderJson(buildRunResult()));
    expect(Object.keys(report)).toEqual([
      'version',
      'name',
      'verdict',
      'exitCode',
      'deployedAt',
      'windows',
      'checks',
      'warnings',
      'notes',
      'durationSeconds',
    ]);
    expect(report.windows).toEqual({
      baseline: { start: '2026-11-26T09:30:00Z', end: '2026-11-26T10:00:00Z' },
      post: { start: '2026-11-26T10:01:00Z', end: '2026-11-26T10:11:00Z' },
    });
    const [check] = report.checks;
    expect(Object.keys(check)).toEqual(['name', 'verdict', 'critical', 'reason', 'series', 'unmatched']);
    const [series] = check.series;
    expect(Object.keys(series)).toEqual([
      'labels',
      'verdict',
      'baseline',
      'candidate',
      'relativeChange',
      'relativeChangeInterval',
      'test',
      'pValue',
      'reason',
    ]);
    expect(Object.keys(series.baseline)).toEqual(['n', 'mean', 'median', 'p95', 'nan', 'infinite']);
    expect(series).toMatchObject({
      labels: { route: '/pay' },
      verdict: 'fail',
      baseline: { n: 60, mean: 0.002, median: 0.002, p95: 0.004 },
      candidate: { n: 20, mean: 0.0068, median: 0.0065, p95: 0.009 },
      relativeChange: 2.4,
      relativeChangeInterval: [1.802, 3.105],
      test: 'mann-whitney',
      pValue: 0.00004,
    });
    expect(check.unmatched).toEqual({ baseline: [{ route: '/old', pod: 'checkout-7d9f-abc' }], candidate: [] });
  });

  test('a check error is written only when there is one', () => {
    const report = JSON.parse(renderJson(buildRunResult()));
    expect(report.checks[0]).not.toHaveProperty('error');
    expect(report.checks[2].error).toBe('Thanos answered with partial data');
  });

  test('NaN and ±Infinity become null, so the output stays valid JSON with number|null fields', () => {
    const text = renderJson(buildHostileRunResult());
    expect(text).not.toMatch(/NaN|Infinity/);
    const series = JSON.parse(text).checks[0].series[0];
    expect(series.relativeChange).toBeNull();
    expect(series.relativeChangeInterval).toEqual([null, null]);
    expect(series.pValue).toBeNull();
    expect(series.candidate).toEqual({
      n: 20,
      mean: null,
      median: null,
      p95: null,
      nan: 0,
      infinite: 1,
      nEffective: null,
    });
    expect(series.baseline.nan).toBe(2);
    expect(JSON.parse(text).durationSeconds).toBeNull();
  });

  test("label values round-trip unchanged (escaping is JSON's, not HTML's)", () => {
    const series = JSON.parse(renderJson(buildHostileRunResult())).checks[0].series[0];
    expect(series.labels.route).toBe('<script>alert("x")</script>');
    expect(series.labels.ctl).toBe('bell\u0007 esc\u001b[31m nl\n');
  });

  test('only documented fields are written, whatever else the result object carries', () => {
    const result = buildRunResult();
    Object.assign(result, { secrets: ['s3cr3t'] });
    Object.assign(result.checks[0] as object, { query: 'up{token="s3cr3t"}' });
    expect(renderJson(result)).not.toContain('s3cr3t');
  });

  test('pretty-printed with 2 spaces and a trailing newline', () => {
    const text = renderJson(buildRunResult());
    expect(text.startsWith('{\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
