import { issuesOf, lines } from './helpers.js';

const CHECKS = ['checks:', '  - {name: a, source: prom, query: up, direction: increase}'];

/** A spec whose `sources:` block is the given lines (starting on line 3). */
function withSources(...sourceLines: string[]): string {
  return lines('version: 1', 'sources:', ...sourceLines, ...CHECKS);
}

describe('source validation', () => {
  it('accepts http and https URLs', () => {
    expect(issuesOf(withSources('  prom: {type: prometheus, url: "https://127.0.0.1:9443/api/prom"}'))).toEqual([]);
  });

  it('refuses other URL schemes and text that is not a URL, without echoing the URL', () => {
    expect(issuesOf(withSources('  prom:', '    type: prometheus', '    url: file:///etc/passwd'))).toEqual([
      '5:10: "url" in source "prom" must use http:// or https:// (not file:)',
    ]);
    expect(issuesOf(withSources('  prom:', '    type: prometheus', '    url: data:text/plain,hi'))).toEqual([
      '5:10: "url" in source "prom" must use http:// or https:// (not data:)',
    ]);
    expect(issuesOf(withSources('  prom:', '    type: prometheus', '    url: not a url'))).toEqual([
      '5:10: "url" in source "prom" must be an http:// or https:// URL',
    ]);
  });

  it('refuses user:password in the URL with a hint to use auth, never printing the password', () => {
    const issues = issuesOf(
      withSources('  prom:', '    type: prometheus', '    url: http://bob:hunter2@127.0.0.1:9090'),
    );
    expect(issues).toEqual([
      '5:10: "url" in source "prom" must not contain user:password; use auth.username and auth.password (or auth.bearer) instead',
    ]);
    expect(issues.join('\n')).not.toContain('hunter2');
  });

  it('requires type and url, and refuses an unknown type instead of guessing', () => {
    expect(
      issuesOf(
        withSources(
          '  prom:',
          '    url: http://127.0.0.1:9090',
          '  app:',
          '    type: graphite',
          '    url: http://127.0.0.1',
        ),
      ),
    ).toEqual([
      '4:5: missing required key "type" in source "prom": one of prometheus, http, scrape, logs',
      '6:11: unknown type "graphite" in source "app": supported types are prometheus, http, scrape, logs',
    ]);
    expect(issuesOf(withSources('  prom:', '    type: prometheus'))).toEqual([
      '4:5: missing required key "url" in source "prom"',
    ]);
  });

  it('refuses source names outside [A-Za-z0-9_-]', () => {
    expect(
      issuesOf(
        withSources('  prom: {type: prometheus, url: "http://127.0.0.1:9090"}', '  "my prom":', '    type: prometheus'),
      ),
    ).toEqual(['4:3: source name "my prom" is not allowed: use only letters, digits, "_" and "-"']);
  });

  it('needs headers to be a map of strings', () => {
    expect(
      issuesOf(
        withSources(
          '  prom:',
          '    type: prometheus',
          '    url: http://127.0.0.1:9090',
          '    headers:',
          '      X-Count: 3',
          '      X-List: [a]',
        ),
      ),
    ).toEqual([
      '7:16: "headers.X-Count" in source "prom" must be a string without line breaks (put numbers in quotes)',
      '8:15: "headers.X-List" in source "prom" must be a string without line breaks (put numbers in quotes), not a list',
    ]);
  });

  it('needs header names to be HTTP tokens', () => {
    expect(
      issuesOf(
        withSources('  prom:', '    type: prometheus', '    url: http://127.0.0.1:9090', '    headers: {"X Bad": a}'),
      ),
    ).toEqual(['6:15: header name "X Bad" is not allowed: use letters, digits and "-" (an HTTP header name)']);
  });

  it('takes bearer, or username and password, never both, never half', () => {
    const auth = (...authLines: string[]): string[] =>
      issuesOf(
        withSources('  prom:', '    type: prometheus', '    url: http://127.0.0.1:9090', '    auth:', ...authLines),
      );
    expect(auth('      bearer: abc')).toEqual([]);
    expect(auth('      username: bob', '      password: pw')).toEqual([]);
    expect(auth('      bearer: abc', '      password: pw')).toEqual([
      '7:7: "auth" in source "prom" has both "bearer" and "password": use a bearer token or a username and password, not both',
    ]);
    expect(auth('      username: bob')).toEqual([
      '7:7: "auth" in source "prom" needs "password" too: basic auth takes a username and a password',
    ]);
    expect(auth('      token: abc')).toEqual([
      '7:7: unknown key "token" in "auth" of source "prom"; known keys: bearer, username, password',
      '7:7: "auth" in source "prom" is empty: give "bearer", or "username" and "password"',
    ]);
  });

  it('checks timeout (a duration) and retries (an integer from 0 to 10)', () => {
    expect(
      issuesOf(
        withSources(
          '  prom:',
          '    type: prometheus',
          '    url: http://127.0.0.1:9090',
          '    timeout: 30',
          '    retries: 11',
        ),
      ),
    ).toEqual([
      '6:14: "timeout" in source "prom" must be a duration like 30s, 5m or 1h30m (greater than zero) (got 30)',
      '7:14: "retries" in source "prom" must be an integer from 0 to 10 (got 11)',
    ]);
    expect(
      issuesOf(withSources('  prom:', '    type: prometheus', '    url: http://127.0.0.1:9090', '    retries: -1')),
    ).toHaveLength(1);
  });

  it('points at an empty source or an empty sources block', () => {
    expect(issuesOf(withSources('  prom:'))).toEqual([
      '3:8: missing required key "type" in source "prom": one of prometheus, http, scrape, logs',
    ]);
    expect(issuesOf(lines('version: 1', 'sources:', ...CHECKS))[0]).toBe('2:9: "sources" needs at least 1 entry');
  });

  it('needs at least one source', () => {
    expect(issuesOf(lines('version: 1', 'sources: {}', ...CHECKS))).toEqual([
      '2:10: "sources" needs at least 1 entry',
      '4:23: check "a" uses source "prom", which is not defined; define it under "sources:"',
    ]);
  });
});
