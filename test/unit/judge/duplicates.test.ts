/**
 * Series a backend returned more than once with identical labels (Prometheus never does; a proxy
 * merging two answers can). They cannot be told apart, so pooling them like pods would judge a
 * guess: the series that holds them is inconclusive, named by its labels, and the rest is judged.
 */
import { judgeCheck } from '../../../src/judge/judge-check.js';
import { judgeCountCheck } from '../../../src/judge/count/judge-count-check.js';
import { draw, seededRandom } from './helpers/random.js';
import { check, series } from './helpers/series.js';

const random = seededRandom(909);
const latency = (count: number, median: number): number[] => draw(count, () => random.lognormal(median, 0.1));

describe('duplicate series with identical labels', () => {
  test('the duplicated series is inconclusive with the labels named; the other routes are judged as usual', () => {
    // /pay: 31 + 31 baseline points with identical labels, which a merge would read as 62 points of one series.
    const result = judgeCheck(
      check(),
      [
        series(latency(31, 0.2), { route: '/pay' }),
        series(latency(31, 0.2), { route: '/pay' }),
        series(latency(60, 0.2), { route: '/cart' }),
      ],
      [series(latency(20, 0.2), { route: '/pay' }), series(latency(20, 0.2), { route: '/cart' })],
      'before-after',
    );
    const pay = result.series.find((s) => s.labels['route'] === '/pay');
    expect(pay).toMatchObject({ verdict: 'inconclusive', rule: 'duplicate-series', test: 'none', pValue: null });
    expect(pay?.reason).toMatch(
      /^the backend returned more than one series with the labels \{route=\/pay\}: series with identical labels cannot be told apart/,
    );
    expect(result.series.find((s) => s.labels['route'] === '/cart')?.verdict).toBe('pass');
    expect(result.verdict).toBe('inconclusive');
  });

  test('a duplicate on the candidate side of a single pair is caught too, whatever the change', () => {
    const result = judgeCheck(
      check(),
      [series(latency(60, 0.2))],
      [series(latency(20, 0.6)), series(latency(20, 0.6))],
      'before-after',
    );
    expect(result.series[0]).toMatchObject({ verdict: 'inconclusive', rule: 'duplicate-series' });
    expect(result.reason).toMatch(/labels \{the series\}/);
  });

  test('pods pooled by ignoreLabels are different series, not duplicates', () => {
    const result = judgeCheck(
      check({ ignoreLabels: ['pod'] }),
      [
        series(latency(60, 0.2), { route: '/a', pod: 'old-1' }),
        series(latency(60, 0.2), { route: '/a', pod: 'old-2' }),
      ],
      [series(latency(20, 0.2), { route: '/a', pod: 'new-1' })],
      'before-after',
    );
    expect(result.series[0]?.rule).not.toBe('duplicate-series');
    expect(result.verdict).toBe('pass');
  });

  test('count checks: a numerator answered twice would double the errors; the series is inconclusive instead', () => {
    const countCheck = check({ name: 'errors', query: undefined, numerator: 'e', denominator: 'r', tolerance: 0.25 });
    const requests = (n: number) => series(Array<number>(n).fill(200));
    const errors = (n: number) => series(Array<number>(n).fill(1));
    const result = judgeCountCheck(
      countCheck,
      { numerator: [errors(60)], denominator: [requests(60)] },
      { numerator: [errors(20), errors(20)], denominator: [requests(20)] },
      'before-after',
    );
    expect(result.series[0]).toMatchObject({ verdict: 'inconclusive', rule: 'duplicate-series' });
    expect(result.verdict).toBe('inconclusive');
  });
});
