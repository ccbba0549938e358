import { SourceError } from '../../../../src/errors.js';
import { MAX_SERIES, parseQueryRangeBody } from '../../../../src/sources/prometheus/envelope.js';
import { isPartialWarning } from '../../../../src/sources/prometheus/partial.js';

const RANGE = { start: 100, end: 200, step: 50 };
const WHERE = 'Prometheus at http://127.0.0.1:1/';

function matrix(result: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'success', data: { resultType: 'matrix', result }, ...extra };
}

function failure(body: unknown): SourceError {
  try {
    parseQueryRangeBody(body, RANGE, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}

describe('parseQueryRangeBody', () => {
  test('a matrix becomes series; points outside the range are dropped', () => {
    const result = parseQueryRangeBody(
      matrix([
        {
          metric: { job: 'a' },
          values: [
            [50, '9'],
            [100, '1'],
            [150, 'NaN'],
            [200, '+Inf'],
            [250, '9'],
          ],
        },
      ]),
      RANGE,
      WHERE,
    );
    expect(result.warnings).toEqual([]);
    expect(result.series).toHaveLength(1);
    expect({ ...result.series[0]?.labels }).toEqual({ job: 'a' });
    expect(result.series[0]?.points).toEqual([
      { t: 100, v: 1 },
      { t: 150, v: NaN },
      { t: 200, v: Infinity },
    ]);
  });

  test('an empty result is data, not an error', () => {
    expect(parseQueryRangeBody(matrix([]), RANGE, WHERE)).toEqual({ series: [], warnings: [] });
  });

  test('a __proto__ label stays a plain label', () => {
    const body = JSON.parse(
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__proto__":"x"},"values":[]}]}}',
    );
    const labels = parseQueryRangeBody(body, RANGE, WHERE).series[0]?.labels;
    expect(Object.keys(labels ?? {})).toEqual(['__proto__']);
  });

  test('status error with errorType and error', () => {
    const error = failure({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' });
    expect(error.kind).toBe('query');
    expect(error.message).toContain('bad_data');
    expect(error.message).toContain('parse error at char 3');
  });

  test.each([
    ['a wrong resultType', { status: 'success', data: { resultType: 'vector', result: [] } }, 'vector'],
    ['a non-object', [1, 2], 'envelope'],
    ['an object without status', { data: { resultType: 'matrix', result: [] } }, 'status'],
  ])('%s is an endpoint error: `url` leads to some other API', (_what, body, mention) => {
    const error = failure(body);
    expect(error.kind).toBe('endpoint');
    expect(error.message).toContain(mention);
    expect(error.message).toContain('`url` must point at a Prometheus-compatible query API');
  });

  test.each([
    ['no data', { status: 'success' }, 'data'],
    ['an unknown status', { status: 'ok', data: {} }, 'ok'],
    ['a non-string label', matrix([{ metric: { a: 1 }, values: [] }]), 'label'],
    ['a sample that is not a pair', matrix([{ metric: {}, values: [[100]] }]), 'pair'],
    ['a value that is a number', matrix([{ metric: {}, values: [[100, 1]] }]), 'not a number'],
    ['a series without values', matrix([{ metric: {} }]), 'values'],
  ])('%s is a protocol error', (_what, body, mention) => {
    const error = failure(body);
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain(mention);
  });

  test('native histograms are ignored with a warning', () => {
    const result = parseQueryRangeBody(
      matrix([{ metric: { le: 'x' }, histograms: [[100, { count: '1', sum: '1' }]] }]),
      RANGE,
      WHERE,
    );
    expect(result.series[0]?.points).toEqual([]);
    expect(result.warnings[0]).toContain('native histogram');
  });

  test('benign warnings and infos are passed through', () => {
    const result = parseQueryRangeBody(
      matrix([], { warnings: ['query hit the lookback'], infos: ['metric might not be a counter'] }),
      RANGE,
      WHERE,
    );
    expect(result.warnings).toEqual(['query hit the lookback', 'info: metric might not be a counter']);
  });

  test('VictoriaMetrics isPartial: true is an error (the data is incomplete)', () => {
    expect(failure(matrix([], { isPartial: true })).message).toContain('partial');
  });

  test('a Thanos partial-response warning is an error', () => {
    const error = failure(matrix([], { warnings: ['partial response: store 10.0.0.1:10901 unavailable'] }));
    expect(error.message).toContain('partial');
  });

  test(`more than ${MAX_SERIES} series asks to aggregate`, () => {
    const result = Array.from({ length: MAX_SERIES + 1 }, (_, i) => ({ metric: { pod: String(i) }, values: [] }));
    const error = failure(matrix(result));
    expect(error.kind).toBe('limit');
    expect(error.message).toContain('sum by');
  });
});

describe('isPartialWarning', () => {
  test.each([
    ['partial response', true],
    ['No StoreAPIs matched for this query', true],
    ['fetch series for {job="a"}: receive series from Addr: 10.0.0.1: rpc error: code = Unavailable', true],
    ['PromQL warning: encountered a mix of histograms and floats', false],
  ])('%j -> %p', (warning, expected) => {
    expect(isPartialWarning(warning)).toBe(expected);
  });
});
