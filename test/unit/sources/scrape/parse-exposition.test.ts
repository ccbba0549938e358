import { Counter, Histogram, Registry } from 'prom-client';
import { ExpositionError, parseExposition, parseSampleValue } from '../../../../src/sources/scrape/parse-exposition.js';

describe('parseExposition', () => {
  it('reads what prom-client serves: counters with labels and histogram buckets', async () => {
    const registry = new Registry();
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'h',
      labelNames: ['code'],
      registers: [registry],
    });
    const latency = new Histogram({ name: 'rt_seconds', help: 'h', buckets: [0.1, 1], registers: [registry] });
    requests.inc({ code: '200' }, 7);
    latency.observe(0.05);
    latency.observe(0.5);
    const { samples, types } = parseExposition(await registry.metrics());
    expect(types.get('http_requests_total')).toBe('counter');
    expect(types.get('rt_seconds')).toBe('histogram');
    expect(samples).toEqual(
      expect.arrayContaining([
        { name: 'http_requests_total', labels: { code: '200' }, value: 7 },
        { name: 'rt_seconds_bucket', labels: { le: '0.1' }, value: 1 },
        { name: 'rt_seconds_bucket', labels: { le: '+Inf' }, value: 2 },
        { name: 'rt_seconds_count', labels: {}, value: 2 },
      ]),
    );
  });

  it('keeps only the metrics asked for, and reads escapes, timestamps and special values', () => {
    const text = [
      '# HELP x A counter',
      '# TYPE x counter',
      'x{path="/a\\"b\\\\c\\nd",le="+Inf"} 1.5e3 1700000000000',
      'y NaN',
      'z{a="1",} -Inf',
      '',
    ].join('\n');
    expect(parseExposition(text, new Set(['x'])).samples).toEqual([
      { name: 'x', labels: { path: '/a"b\\c\nd', le: '+Inf' }, value: 1500 },
    ]);
    const all = parseExposition(text).samples;
    expect(Number.isNaN(all[1]?.value)).toBe(true);
    expect(all[2]).toEqual({ name: 'z', labels: { a: '1' }, value: Number.NEGATIVE_INFINITY });
  });

  it.each([
    ['<html><body>502 Bad Gateway</body></html>', 'line 1: expected a metric name'],
    ['x{a="1"} ', 'line 1: expected "name{labels} value [timestamp]"'],
    ['ok 1\nx{a="1"} abc', 'line 2: "abc" is not a number'],
    ['x{a="1} 2', 'line 1: label value not closed'],
    ['x{a="1",a="2"} 2', 'line 1: label "a" repeated'],
    ['x 1 2 3', 'line 1: expected "name{labels} value [timestamp]"'],
    ['# TYPE x nonsense', 'line 1: bad TYPE line'],
  ])('refuses %j', (text, message) => {
    expect(() => parseExposition(text)).toThrow(new ExpositionError(message));
  });

  it('parses values strictly (Number("") is 0 in JavaScript)', () => {
    expect(parseSampleValue('')).toBeUndefined();
    expect(parseSampleValue('0x10')).toBeUndefined();
    expect(parseSampleValue('+Inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseSampleValue('-1.5E-3')).toBe(-0.0015);
  });
});
