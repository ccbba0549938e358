import { matchSeries } from '../../../src/judge/match.js';
import { series } from './helpers/series.js';

describe('matchSeries', () => {
  test('pairs by labels; unmatched series on either side are listed', () => {
    const result = matchSeries(
      [series([1], { route: '/a' }), series([2], { route: '/b' }), series([3], { route: '/gone' })],
      [series([4], { route: '/b' }), series([5], { route: '/a' }), series([6], { route: '/new' })],
      [],
    );
    expect(result.pairs.map((p) => [p.labels, p.baseline[0]?.v, p.candidate[0]?.v])).toEqual([
      [{ route: '/b' }, 2, 4],
      [{ route: '/a' }, 1, 5],
    ]);
    expect(result.unmatched).toEqual({ baseline: [{ route: '/gone' }], candidate: [{ route: '/new' }] });
  });

  test('ignoreLabels are removed first and series that then share labels are pooled (pods replaced at the deploy)', () => {
    const result = matchSeries(
      [
        series([1], { route: '/a', pod: 'old-1' }),
        series([2], { route: '/a', pod: 'old-2' }),
        series([3], { route: '/b', pod: 'old-1' }),
      ],
      [series([4], { route: '/a', pod: 'new-1' }), series([5], { route: '/b', pod: 'new-1' })],
      ['pod'],
    );
    expect(result.pairs.map((p) => [p.labels, p.baseline.map((x) => x.v), p.candidate.map((x) => x.v)])).toEqual([
      [{ route: '/a' }, [1, 2], [4]],
      [{ route: '/b' }, [3], [5]],
    ]);
  });

  test('canary: a label constant on each side but different between them (track) is dropped automatically', () => {
    const result = matchSeries(
      [series([1], { track: 'stable', route: '/a' }), series([2], { track: 'stable', route: '/b' })],
      [series([3], { track: 'canary', route: '/a' }), series([4], { track: 'canary', route: '/b' })],
      [],
    );
    expect(result.droppedLabels).toEqual(['track']);
    expect(result.pairs.map((p) => p.labels)).toEqual([{ route: '/a' }, { route: '/b' }]);
    expect(result.unmatched).toEqual({ baseline: [], candidate: [] });
  });

  test('a label that varies within a side is kept, so routes are not mixed up', () => {
    const result = matchSeries(
      [series([1], { route: '/a' }), series([2], { route: '/b' })],
      [series([3], { route: '/a' }), series([4], { route: '/c' })],
      [],
    );
    expect(result.pairs).toHaveLength(1);
    expect(result.unmatched).toEqual({ baseline: [{ route: '/b' }], candidate: [{ route: '/c' }] });
  });

  test('one series on each side is paired whatever its labels, named by the labels they share', () => {
    const result = matchSeries(
      [series([1], { job: 'api', version: 'v1' })],
      [series([2], { job: 'api', version: 'v2', extra: 'x' })],
      [],
    );
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.labels).toEqual({ job: 'api' });
  });
});
