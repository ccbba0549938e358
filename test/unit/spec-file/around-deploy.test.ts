/** The spec keys of a run around a deploy: deploy.rollback, deploy.detect and notify. */
import { redact } from '../../../src/redact.js';
import { issuesOf, lines, validSpec } from './helpers.js';

const SOURCES = ['sources:', '  prom:', '    type: prometheus', '    url: http://127.0.0.1:9090'];
const CHECKS = ['checks:', '  - name: errors', '    source: prom', '    query: up', '    direction: increase'];

test('deploy.rollback is an argv list; deploy.detect gets its defaults; notify URLs are secrets', () => {
  const spec = validSpec(
    lines(
      'version: 1',
      'deploy:',
      '  rollback: [./rollback.sh, v1.4.1]',
      '  detect:',
      '    source: prom',
      '    query: max by (version) (app_build_info{job="checkout"})',
      'notify:',
      '  - https://hooks.slack.com/services/T000/B000/abcdefghijkl',
      ...SOURCES,
      ...CHECKS,
    ),
  );
  expect(spec.deploy.rollback).toEqual(['./rollback.sh', 'v1.4.1']);
  expect(spec.deploy.detect).toEqual({
    source: 'prom',
    query: 'max by (version) (app_build_info{job="checkout"})',
    within: 3600,
    settle: 300,
  });
  expect(spec.notify).toEqual(['https://hooks.slack.com/services/T000/B000/abcdefghijkl']);
  // Anything printed through the run's redaction loses the URL.
  expect(redact(`posting to ${spec.notify![0]} failed`, spec.secrets)).toBe('posting to *** failed');
});

test('deploy.detect names a defined source and exactly one of query and match', () => {
  const detect = (...keys: string[]) =>
    issuesOf(lines('version: 1', 'deploy:', '  detect:', ...keys.map((k) => `    ${k}`), ...SOURCES, ...CHECKS));
  expect(detect('source: logs', 'match: x')).toEqual([
    expect.stringContaining('deploy.detect uses source "logs", which is not defined (defined: prom)'),
  ]);
  expect(detect('source: prom')).toEqual([expect.stringContaining('deploy.detect needs "query"')]);
  expect(detect('source: prom', 'query: up', 'match: x')).toEqual([
    expect.stringContaining('takes either "query" or "match", not both'),
  ]);
});

test('a notify entry must be an http(s) URL', () => {
  expect(issuesOf(lines('version: 1', 'notify: [ftp://x]', ...SOURCES, ...CHECKS))).toEqual([
    expect.stringContaining('http:// or https://'),
  ]);
});

describe('deploy.detect match on a logs source is read when the spec is loaded', () => {
  // Lines 1-5: the detect block; the match is on line 5, its text from column 13 (after `    match: '`).
  const LOGS = ['sources:', '  app:', '    type: logs', '    files: [/var/log/app.log]', '    format: logfmt'];
  const LOG_CHECKS = [
    'checks:',
    '  - name: errors',
    '    source: app',
    '    numerator: \'{level="error"}\'',
    '    direction: increase',
  ];
  const detect = (...keys: string[]) =>
    issuesOf(
      lines(
        'version: 1',
        'deploy:',
        '  detect:',
        '    source: app',
        ...keys.map((k) => `    ${k}`),
        ...LOGS,
        ...LOG_CHECKS,
      ),
    );

  test('a regex and a selector that read are accepted', () => {
    expect(detect("match: 'deployed version \\d+'")).toEqual([]);
    expect(detect('match: \'{msg=~"deployed version .*"}\'')).toEqual([]);
  });

  test('a regex that cannot be compiled is a spec error at the match, not at detection time', () => {
    const issues = detect("match: 'deployed (version'");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^5:13: invalid regex in deploy\.detect\.match at column 1: .*Unterminated group/);
  });

  test('a selector that cannot be parsed points at the line and column inside it', () => {
    // `{msg=~"x"` misses its closing brace: the error is at its end, column 10 of the selector (22 of the line).
    const issues = detect('match: \'{msg=~"x"\'');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^5:22: invalid selector in deploy\.detect\.match at column 10: /);
  });

  test("a selector over a field the format does not have is refused like a check's", () => {
    const issues = issuesOf(
      lines(
        'version: 1',
        'deploy:',
        '  detect:',
        '    source: app',
        '    match: \'{mesage="deployed"}\'',
        'sources:',
        '  app:',
        '    type: logs',
        '    files: [/var/log/nginx/access.log]',
        '    format: combined',
        'checks:',
        '  - name: errors',
        '    source: app',
        '    numerator: \'{status=~"5.."}\'',
        '    direction: increase',
      ),
    );
    expect(issues).toEqual([
      expect.stringMatching(
        /^5:14: invalid selector in deploy\.detect\.match at column 2: the source's format has no field "mesage"/,
      ),
    ]);
  });

  test('a query on a logs source is refused at the query: a logs source finds deploys by match', () => {
    expect(detect('query: up')).toEqual([
      expect.stringMatching(/^5:12: deploy\.detect on source "app" \(logs\) takes "match"/),
    ]);
  });
});

describe('deploy.detect on the other kinds is refused when the spec is loaded, as detection would refuse it', () => {
  test('a match on a Prometheus source: it finds deploys by query', () => {
    const issues = issuesOf(
      lines('version: 1', 'deploy:', '  detect:', '    source: prom', "    match: 'deployed'", ...SOURCES, ...CHECKS),
    );
    expect(issues).toEqual([
      expect.stringMatching(/^5:12: deploy\.detect on source "prom" \(prometheus\) takes "query" .*, not "match"/),
    ]);
  });

  test('a source kind that cannot find deploys (http probes) is refused at deploy.detect.source', () => {
    const issues = issuesOf(
      lines(
        'version: 1',
        'deploy:',
        '  detect:',
        '    source: web',
        '    query: up',
        'sources:',
        '  web:',
        '    type: http',
        '    url: http://127.0.0.1:8080/health',
        'checks:',
        '  - name: availability',
        '    source: web',
        '    measure: success',
        '    direction: decrease',
      ),
    );
    expect(issues).toEqual([
      expect.stringMatching(
        /^4:13: deploy\.detect: source "web" \(http\) cannot find deploys; use a source of type prometheus or logs$/,
      ),
    ]);
  });
});

test('a deploy.detect query with a PromQL syntax error is a spec error at its line and column, not at detection time', () => {
  // Line 5 is `    query: max by (version) (app_build_info{job="checkout"}`: the query starts at column 12,
  // is 48 characters long and misses its last `)`, so the error is just past its end: the query's
  // column 49, the line's column 60.
  const issues = issuesOf(
    lines(
      'version: 1',
      'deploy:',
      '  detect:',
      '    source: prom',
      '    query: max by (version) (app_build_info{job="checkout"}',
      ...SOURCES,
      ...CHECKS,
    ),
  );
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatch(
    /^5:60: PromQL syntax error in query of deploy\.detect at column 49: unexpected end of query/,
  );
});
