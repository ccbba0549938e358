import { compileFormat } from '../../../../src/sources/logs/line-format.js';
import { ExpressionError } from '../../../../src/fields/text-cursor.js';

const COMBINED_LINE =
  '203.0.113.7 - bob [10/Oct/2026:13:55:36 +0200] "GET /api/users/42?x=1 HTTP/1.1" 502 1234 "-" "curl/8.5 (x; y)"';

describe('line formats', () => {
  test('combined: the CLF time with its zone, the fields, and method/path/protocol from $request', () => {
    const line = compileFormat('combined').parse(COMBINED_LINE);
    expect(line?.time).toBe(Date.UTC(2026, 9, 10, 11, 55, 36) / 1000);
    expect(['status', 'remote_user', 'method', 'path', 'protocol', 'http_user_agent'].map((f) => line?.get(f))).toEqual(
      ['502', 'bob', 'GET', '/api/users/42', 'HTTP/1.1', 'curl/8.5 (x; y)'],
    );
  });

  test('combined ignores fields after the known ones; common reads a line without referer and agent', () => {
    expect(compileFormat('combined').parse(`${COMBINED_LINE} 0.123 extra`)?.get('status')).toBe('502');
    expect(
      compileFormat('common')
        .parse(COMBINED_LINE.slice(0, COMBINED_LINE.indexOf(' "-"')))
        ?.get('body_bytes_sent'),
    ).toBe('1234');
  });

  test('an nginx log_format pasted as written in nginx.conf (name, quoted pieces, semicolon) names each field after its variable', () => {
    const format = compileFormat(
      `log_format timed '$remote_addr - $remote_user [$time_local] "$request" '\n    '$status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time $upstream_response_time';`,
    );
    const line = format.parse(`${COMBINED_LINE} 0.250 -`);
    expect([line?.get('request_time'), line?.get('upstream_response_time'), line?.get('path')]).toEqual([
      '0.250',
      '-',
      '/api/users/42',
    ]);
    expect(format.fields).toContain('request_time');
  });

  test('an escape=json log_format reads escaped quotes inside values', () => {
    const format = compileFormat(
      `log_format j escape=json '{"time":"$time_iso8601","status":$status,"ua":"$http_user_agent","rt":$request_time}';`,
    );
    const line = format.parse('{"time":"2026-10-10T13:55:36+00:00","status":500,"ua":"a \\"quoted\\" agent","rt":0.5}');
    expect([line?.time, line?.get('status'), line?.get('http_user_agent'), line?.get('request_time')]).toEqual([
      Date.UTC(2026, 9, 10, 13, 55, 36) / 1000,
      '500',
      'a "quoted" agent',
      '0.5',
    ]);
  });

  test('json reads nested fields by dot path and the first time field found; logfmt reads quoted values', () => {
    const json = compileFormat('json').parse('{"ts":1791640536123,"level":"error","http":{"status":503}}');
    expect([json?.time, json?.get('http.status'), json?.get('level')]).toEqual([1791640536.123, '503', 'error']);
    const logfmt = compileFormat('logfmt').parse(
      'time=2026-10-10T13:55:36Z level=error msg="db timeout after 30 ms" status=500',
    );
    expect([logfmt?.time, logfmt?.get('msg'), logfmt?.get('status')]).toEqual([
      Date.UTC(2026, 9, 10, 13, 55, 36) / 1000,
      'db timeout after 30 ms',
      '500',
    ]);
  });

  test('a line that does not fit, or has no readable time, does not parse', () => {
    expect(compileFormat('combined').parse('not a log line')).toBeUndefined();
    expect(compileFormat('json').parse('{"level":"error"}')).toBeUndefined();
    expect(compileFormat('json').parse('{"ts": "yesterday"}')).toBeUndefined();
  });

  test('regex: named groups, one of them time', () => {
    const line = compileFormat('regex', { pattern: '^(?<time>\\S+) (?<level>\\w+) (?<msg>.*)$' }).parse(
      '2026-10-10T13:55:36Z ERROR boom',
    );
    expect([line?.get('level'), line?.get('msg')]).toEqual(['ERROR', 'boom']);
  });

  test('formats that cannot be read are expression errors (the spec loader points at them)', () => {
    for (const [format, pattern] of [
      ['clf', undefined],
      ['$remote_addr $status', undefined],
      ['$remote_addr$status [$time_local]', undefined],
      ['regex', undefined],
      ['regex', '(?<level>\\w+)'],
      ['regex', '(?<time>['],
    ] as const)
      expect(() => compileFormat(format, pattern === undefined ? {} : { pattern })).toThrow(ExpressionError);
  });
});
