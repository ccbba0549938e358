/** Rates surviving counter resets, ratios and histogram quantiles computed from scrapes. */
import { histogramQuantile } from '../../../../src/sources/scrape/histogram-quantile.js';
import { deriveSeries } from '../../../../src/sources/scrape/derive.js';
import { deriveFailureCounts } from '../../../../src/sources/http/derive.js';
import type { Sampling } from '../../../../src/sources/sampled-types.js';
import { parseMetricSelector } from '../../../../src/sources/scrape/metric-selector.js';
import type { Series } from '../../../../src/types.js';

const series = (labels: Record<string, string>, values: number[], times = [0, 10, 20, 30, 40]): Series => ({
  labels,
  points: values.map((v, i) => ({ t: times[i] as number, v })),
});

function sampling(measures: Record<string, Series[]>): Sampling {
  return { startedAt: 0, endedAt: 40, planned: 5, taken: 5, measures, failures: {} };
}

const values = (s: Series[]): number[][] => s.map((x) => x.points.map((p) => Math.round(p.v * 1e6) / 1e6));

describe('rates from scraped counters', () => {
  it('takes a counter that went down as a reset (the process restarted), never a negative rate', () => {
    // 100 -> 150 -> 20 (restart, 20 since) -> 70 -> 120: increases 50, 20, 50, 50 over 10 s each.
    const data = sampling({ requests_total: [series({ code: '200' }, [100, 150, 20, 70, 120])] });
    expect(values(deriveSeries({ kind: 'rate', series: parseMetricSelector('requests_total'), by: [] }, data))).toEqual(
      [[5, 2, 5, 5]],
    );
  });

  it('sums the series a selector matches, per `by` group, and counts a series born mid-way from 0', () => {
    const data = sampling({
      requests_total: [
        series({ code: '200', route: '/a' }, [0, 10, 20, 30, 40]),
        series({ code: '500', route: '/a' }, [1, 1, 2, 2, 3]),
        series({ code: '200', route: '/b' }, [0, 0, 0, 100, 100]),
        {
          labels: { code: '503', route: '/b' },
          points: [
            { t: 20, v: 4 },
            { t: 30, v: 4 },
            { t: 40, v: 6 },
          ],
        },
      ],
    });
    const rate = (text: string, by: string[]): number[][] =>
      values(deriveSeries({ kind: 'rate', series: parseMetricSelector(text), by }, data));
    expect(rate('requests_total{code=~"5.."}', [])).toEqual([[0, 0.5, 0, 0.3]]);
    expect(rate('requests_total', ['route'])).toEqual([
      [1, 1.1, 1, 1.1],
      [0, 0.4, 10, 0.2],
    ]);
    const ratio = deriveSeries(
      {
        kind: 'ratio',
        numerator: parseMetricSelector('requests_total{code!="200"}'),
        denominator: parseMetricSelector('requests_total'),
        by: [],
      },
      data,
    );
    expect(values(ratio)).toEqual([[0, 5 / 15, 0, 3 / 13].map((v) => Math.round(v * 1e6) / 1e6)]);
  });

  it('gives NaN (dropped by the judge, never 0) for an interval without traffic', () => {
    const data = sampling({ a_total: [series({}, [1, 1, 2, 2, 2])], b_total: [series({}, [5, 5, 6, 6, 6])] });
    const ratio = deriveSeries(
      { kind: 'ratio', numerator: parseMetricSelector('a_total'), denominator: parseMetricSelector('b_total'), by: [] },
      data,
    );
    expect(ratio[0]?.points.map((p) => p.v)).toEqual([Number.NaN, 1, Number.NaN, Number.NaN]);
  });
});

describe('histogram quantiles', () => {
  // Reference values follow Prometheus' bucketQuantile (promql/quantile.go) by hand:
  // buckets le=0.1: 50, le=0.5: 90, le=1: 100, +Inf: 100.
  const buckets = [
    { le: 0.1, count: 50 },
    { le: 0.5, count: 90 },
    { le: 1, count: 100 },
    { le: Number.POSITIVE_INFINITY, count: 100 },
  ];

  it('interpolates inside the bucket holding the rank, as histogram_quantile does', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1); // rank 50 ends the first bucket
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05); // the lowest bucket starts at 0
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.3); // 0.1 + 0.4 * (70 - 50) / 40
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.75); // 0.5 + 0.5 * (95 - 90) / 10
  });

  it('caps at the highest finite bound, and is NaN without observations or a +Inf bucket', () => {
    expect(
      histogramQuantile(0.99, [
        { le: 1, count: 10 },
        { le: Number.POSITIVE_INFINITY, count: 20 },
      ]),
    ).toBe(1);
    expect(
      histogramQuantile(0.5, [
        { le: 1, count: 0 },
        { le: Number.POSITIVE_INFINITY, count: 0 },
      ]),
    ).toBeNaN();
    expect(histogramQuantile(0.5, [{ le: 1, count: 3 }])).toBeNaN();
  });

  it('computes a quantile per scrape interval from bucket increases, per `by` group', () => {
    const bucket = (route: string, le: string, counts: number[]): Series => series({ route, le }, counts);
    const data = sampling({
      rt_seconds_bucket: [
        bucket('/a', '0.1', [0, 50, 50, 100, 150]),
        bucket('/a', '0.5', [0, 90, 90, 190, 280]),
        bucket('/a', '1', [0, 100, 100, 200, 300]),
        bucket('/a', '+Inf', [0, 100, 100, 200, 300]),
        bucket('/b', '0.1', [0, 10, 20, 30, 40]),
        bucket('/b', '+Inf', [0, 10, 20, 30, 40]),
      ],
    });
    const p95 = deriveSeries(
      { kind: 'quantile', q: 0.95, histogram: parseMetricSelector('rt_seconds{route="/a"}'), by: ['route'] },
      data,
    );
    expect(p95.map((s) => s.labels)).toEqual([{ route: '/a' }]);
    // Interval 2 had no observations: NaN. Interval 3: 50 in le=0.1, 100 in le=0.5 -> 0.1 + 0.4 * 45 / 50.
    expect(values(p95)[0]).toEqual([0.75, Number.NaN, 0.46, 0.75]);
  });
});

describe('success as counts', () => {
  it('turns probes into failed probes (events) out of probes (trials), one point per probe', () => {
    const data = sampling({ success: [series({}, [1, 0, 1, 1, 0])] });
    const counts = deriveFailureCounts(data);
    expect(counts.numerator[0]?.points.map((p) => p.v)).toEqual([0, 1, 0, 0, 1]);
    expect(counts.denominator[0]?.points.map((p) => p.v)).toEqual([1, 1, 1, 1, 1]);
  });
});
