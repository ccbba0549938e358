import { queryLookback } from '../../../src/spec-file/promql-ranges.js';

describe('queryLookback: how far back one evaluation of a query reads', () => {
  test('the range of rate() and the like', () => {
    expect(queryLookback('sum(rate(http_requests_total{code=~"5.."}[1m]))')).toBe(60);
    expect(queryLookback('avg_over_time(queue_depth[90s])')).toBe(90);
  });

  test('the largest range when there are several', () => {
    expect(queryLookback('sum(rate(errors_total[1m])) / sum(rate(requests_total[5m]))')).toBe(300);
  });

  test("a range inside a subquery adds the subquery's range", () => {
    expect(queryLookback('max_over_time(rate(x_total[5m])[1h:30s])')).toBe(3900);
  });

  test('a query without ranges reads no range', () => {
    expect(queryLookback('sum(up{job="checkout"})')).toBe(0);
    expect(queryLookback('not a (query')).toBe(0);
  });
});
