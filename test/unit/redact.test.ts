import { redact, redactDeep } from '../../src/redact.js';

describe('redact', () => {
  test('every secret value, wherever it appears', () => {
    expect(redact('token=SENTINEL-TOKEN-5f3a and again SENTINEL-TOKEN-5f3a', ['SENTINEL-TOKEN-5f3a'])).toBe(
      'token=*** and again ***',
    );
  });

  test('longest first, so a secret containing another is masked whole', () => {
    expect(redact('pass: hunter22hunter22', ['hunter22', 'hunter22hunter22'])).toBe('pass: ***');
  });

  test('regex characters in secrets are literal', () => {
    expect(redact('a.b*c+d?e and axbbc+dde', ['a.b*c+d?e'])).toBe('*** and axbbc+dde');
  });

  test('in free text, a secret shorter than 8 characters is left alone (it would rewrite common words); empty ones are ignored', () => {
    expect(redact('password is abc, series e', ['abc', 'e', ''])).toBe('password is abc, series e');
    expect(redact('password is abcdefgh', ['abcdefgh'])).toBe('password is ***');
  });

  test('URL userinfo', () => {
    expect(redact('GET https://alice:s3cret@prom.example:9090/api failed', [])).toBe(
      'GET https://***@prom.example:9090/api failed',
    );
  });

  test('Authorization header values, in header and JSON forms', () => {
    expect(redact('Authorization: Bearer abc.def', [])).toBe('Authorization: ***');
    expect(redact('{"authorization":"Basic dXNlcjpwYXNz","x":1}', [])).toBe('{"authorization":"***","x":1}');
    expect(redact('proxy-authorization=xyz', [])).toBe('proxy-authorization=***');
  });

  test('a bare Bearer credential', () => {
    expect(redact('sent Bearer eyJhbGciOi.x.y to the server', [])).toBe('sent Bearer *** to the server');
  });

  test('text without secrets is unchanged', () => {
    const text = 'check `auth` (a bearer token or username/password) of source "prom"';
    expect(redact(text, ['SENTINEL-TOKEN-5f3a'])).toBe(text);
  });
});

describe('redactDeep', () => {
  const result = {
    verdict: 'fail',
    series: [
      {
        labels: { e: 'e', route: '/pay', token: 'sent tok-12345678 here' },
        test: 'mann-whitney',
        reason: 'e and series',
      },
    ],
  };

  test('string values only: keys stay, a whole value equal to a short secret is masked, text inside is not', () => {
    expect(redactDeep(result, ['e', 'series', 'tok-12345678'])).toEqual({
      verdict: 'fail',
      series: [
        { labels: { e: '***', route: '/pay', token: 'sent *** here' }, test: 'mann-whitney', reason: 'e and series' },
      ],
    });
  });

  test("the program's own words (verdicts, test codes) are never masked", () => {
    expect(redactDeep(result, ['fail', 'mann-whitney'])).toEqual(result);
  });

  test('a label named __proto__ stays a label', () => {
    const labels = JSON.parse('{"__proto__": "x", "a": "b"}') as Record<string, string>;
    expect(Object.keys(redactDeep(labels, []))).toEqual(['__proto__', 'a']);
  });
});
