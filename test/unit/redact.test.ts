import { redact } from '../../src/redact.js';

describe('redact', () => {
  test('every secret value, wherever it appears', () => {
    expect(redact('token=SENTINEL-TOKEN-5f3a and again SENTINEL-TOKEN-5f3a', ['SENTINEL-TOKEN-5f3a'])).toBe('token=*** and again ***');
  });

  test('longest first, so a secret containing another is masked whole', () => {
    expect(redact('pass: hunter2hunter2', ['hunter2', 'hunter2hunter2'])).toBe('pass: ***');
  });

  test('regex characters in secrets are literal', () => {
    expect(redact('a.b*c and axbbc', ['a.b*c'])).toBe('*** and axbbc');
  });

  test('a short (3-character) secret is still redacted; empty ones are ignored', () => {
    expect(redact('password is abc', ['abc', ''])).toBe('password is ***');
  });

  test('URL userinfo', () => {
    expect(redact('GET https://alice:s3cret@prom.example:9090/api failed', [])).toBe('GET https://***@prom.example:9090/api failed');
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
