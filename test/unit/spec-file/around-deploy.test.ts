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
