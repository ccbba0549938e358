import { HEADER, issuesOf, lines, withCheck } from './helpers.js';

const BASE = ['    query: up', '    direction: increase'];

describe('field validation (one issue each, with its exact line:col)', () => {
  it('suggests the closest known key for a misspelt check key', () => {
    expect(issuesOf(withCheck(...BASE, '    tolerence: 5%'))).toEqual([
      '11:5: unknown key "tolerence" in check "errors" (did you mean "tolerance"?)',
    ]);
  });

  it('lists the known keys when nothing is close', () => {
    const [issue] = issuesOf(lines('version: 1', 'zzzzzz: 1', ...HEADER.slice(1), ...BASE));
    expect(issue).toMatch(/^2:1: unknown key "zzzzzz" at the top level; known keys: version, name, deploy/);
  });

  it('refuses a spec version other than 1', () => {
    expect(issuesOf(lines('version: 2', ...HEADER.slice(1), ...BASE))).toEqual(['1:10: "version" must be 1 (got 2)']);
  });

  it('requires version, sources and checks', () => {
    expect(issuesOf(lines('name: x'))).toEqual([
      '1:1: missing required key "version" at the top level',
      '1:1: missing required key "sources" at the top level',
      '1:1: missing required key "checks" at the top level',
    ]);
  });

  it('reports an empty file and a non-mapping document', () => {
    expect(issuesOf('')).toEqual(['1:1: the spec is empty: start with "version: 1"']);
    expect(issuesOf('- a\n')).toEqual([
      '1:1: the spec must be a mapping of keys to values, starting with "version: 1"',
    ]);
  });

  it('refuses wrong types, naming the field, its owner and what is expected', () => {
    expect(
      issuesOf(withCheck(...BASE, '    critical: yes', '    minSamples: 2.5', '    max: "1"', '    ignoreLabels: pod')),
    ).toEqual([
      '11:15: "critical" in check "errors" must be true or false (got "yes")',
      '12:17: "minSamples" in check "errors" must be an integer >= 1 (got 2.5)',
      '13:10: "max" in check "errors" must be a number (got "1")',
      '14:19: "ignoreLabels" in check "errors" must be a list (lines starting with "- "), not a single value',
    ]);
  });

  it('refuses a mapping where a scalar belongs, and an empty value', () => {
    expect(issuesOf(withCheck(...BASE, '    step: {a: 1}', '    aggregate:'))).toEqual([
      '11:11: "step" in check "errors" must be a duration like 30s, 5m or 1h30m (greater than zero), not a mapping',
      '12:15: "aggregate" in check "errors" has no value: give one of mean, median, p90, p95, p99, max',
    ]);
  });

  it('refuses bad durations, and a zero step or window', () => {
    expect(
      issuesOf(
        lines(
          'version: 1',
          'deploy:',
          '  warmup: 5 minutes',
          'baseline:',
          '  window: 0s',
          ...HEADER.slice(1),
          ...BASE,
          '    step: 30',
        ),
      ),
    ).toEqual([
      '3:11: "deploy.warmup" must be a duration like 30s, 5m or 1h30m (or 0) (got "5 minutes")',
      '5:11: "baseline.window" must be greater than zero (got "0s")',
      '15:11: "step" in check "errors" must be a duration like 30s, 5m or 1h30m (greater than zero) (got 30)',
    ]);
  });

  it('accepts a bare 0 for the warmup', () => {
    expect(issuesOf(lines('version: 1', 'deploy: {warmup: 0}', ...HEADER.slice(1), ...BASE))).toEqual([]);
  });

  it('refuses bad percentages: negative tolerance, confidence outside (0, 1), words', () => {
    expect(issuesOf(withCheck(...BASE, '    tolerance: -5%', '    confidence: 1'))).toEqual([
      '11:16: "tolerance" in check "errors" must be a percentage like 10% or a fraction like 0.1 (not negative) (got "-5%")',
      '12:17: "confidence" in check "errors" must be a value between 0 and 1 (exclusive) like 0.95, or a percentage like 95% (got 1)',
    ]);
    expect(issuesOf(withCheck(...BASE, '    tolerance: ten percent', '    confidence: 100%'))).toHaveLength(2);
    expect(issuesOf(withCheck(...BASE, '    confidence: 0'))).toHaveLength(1);
  });

  it('refuses a bare tolerance above 1, which would be read as a fraction (10 = 1000%)', () => {
    expect(issuesOf(withCheck(...BASE, '    tolerance: 10'))).toEqual([
      '11:16: "tolerance" in check "errors" is the bare number 10, which would be read as a fraction (1000%): write 10% for 10 percent, or 0.1; a change beyond 100% as a percentage, e.g. 1000% (got 10)',
    ]);
    expect(issuesOf(withCheck(...BASE, '    tolerance: 1'))).toEqual([]);
    expect(issuesOf(withCheck(...BASE, '    tolerance: 0.1'))).toEqual([]);
    expect(issuesOf(withCheck(...BASE, '    tolerance: 250%'))).toEqual([]);
  });

  it('refuses direction and aggregate values outside their lists', () => {
    expect(issuesOf(withCheck('    query: up', '    direction: up', '    aggregate: avg'))).toEqual([
      '10:16: "direction" in check "errors" must be one of increase, decrease, either (got "up")',
      '11:16: "aggregate" in check "errors" must be one of mean, median, p90, p95, p99, max (got "avg")',
    ]);
  });

  it('needs ignoreLabels to be label names', () => {
    expect(issuesOf(withCheck(...BASE, '    ignoreLabels: [pod, 2nd, {a: 1}]'))).toEqual([
      '11:25: "ignoreLabels[1]" in check "errors" must be a label name (letters, digits and "_", not starting with a digit) (got "2nd")',
      '11:30: "ignoreLabels[2]" in check "errors" must be a label name (letters, digits and "_", not starting with a digit), not a mapping',
    ]);
  });

  it('refuses a deploy time without a timezone', () => {
    expect(issuesOf(lines('version: 1', 'deploy:', '  at: 2026-11-26T10:00:00', ...HEADER.slice(1), ...BASE))).toEqual([
      '3:7: "deploy.at" must be an RFC 3339 time with a timezone, like "2026-11-26T10:00:00Z" (got "2026-11-26T10:00:00")',
    ]);
  });

  it('refuses keys in defaults that only make sense per check, and typos there', () => {
    expect(
      issuesOf(lines('version: 1', 'defaults:', '  query: up', '  directon: increase', ...HEADER.slice(1), ...BASE)),
    ).toEqual([
      '3:3: "query" cannot be set in defaults: set it in each check',
      '4:3: unknown key "directon" in "defaults" (did you mean "direction"?)',
    ]);
  });
});
