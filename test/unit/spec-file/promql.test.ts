import { findPromQLSyntaxError } from '../../../src/spec-file/promql.js';
import { HEADER, issuesOf, lines } from './helpers.js';

describe('findPromQLSyntaxError', () => {
  it('accepts valid queries', () => {
    for (const query of [
      'up',
      'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
      'histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))',
    ]) {
      expect(findPromQLSyntaxError(query)).toBeUndefined();
    }
  });

  it('gives the offset and what was found there', () => {
    expect(findPromQLSyntaxError('sum(rate(x[5m])')).toEqual({ offset: 15, message: 'unexpected end of query' });
    expect(findPromQLSyntaxError('x +* y')).toEqual({ offset: 3, message: 'unexpected "*"' });
    expect(findPromQLSyntaxError('rate(x[5m]) by (le)')).toEqual({ offset: 12, message: 'unexpected "by"' });
  });
});

describe('PromQL errors point into the spec file', () => {
  const check = (...queryLines: string[]): string[] =>
    issuesOf(lines(...HEADER, ...queryLines, '    direction: increase'));

  it('plain scalar: the column of the error inside the query', () => {
    // "    query: " is 11 characters, so query column 4 is file column 15.
    expect(check('    query: x +* y')).toEqual([
      '9:15: PromQL syntax error in query of check "errors" at column 4: unexpected "*"',
    ]);
    expect(check('    query: rate(x[5m]) by (le)')).toEqual([
      '9:24: PromQL syntax error in query of check "errors" at column 13: unexpected "by"',
    ]);
  });

  it('double-quoted scalar, also after an escape', () => {
    expect(check('    query: "x +* y"')).toEqual([
      '9:16: PromQL syntax error in query of check "errors" at column 4: unexpected "*"',
    ]);
    expect(check('    query: "up{a=\\"b\\"} +* y"')).toEqual([
      '9:26: PromQL syntax error in query of check "errors" at column 12: unexpected "*"',
    ]);
  });

  it('single-quoted scalar', () => {
    expect(check('    query: \'up{a="b"} +* y\'')).toEqual([
      '9:24: PromQL syntax error in query of check "errors" at column 12: unexpected "*"',
    ]);
  });

  it('literal block scalar: the line and column inside the block', () => {
    expect(check('    query: |', '      sum by (le) (', '        rate(x[5m]) by', '      )')).toEqual([
      '11:21: PromQL syntax error in query of check "errors" at line 2, column 15: unexpected "by"',
    ]);
  });

  it('folded block scalar', () => {
    expect(check('    query: >-', '      sum(rate(x[5m]))', '      +* 2')).toEqual([
      '11:8: PromQL syntax error in query of check "errors" at column 19: unexpected "*"',
    ]);
  });

  it('after interpolation, an error after a variable still lands on the right column', () => {
    // The value is 13 characters longer than "${JOB}": column 32 of the query is file column 30.
    expect(
      issuesOf(lines(...HEADER, '    query: up{job="${JOB}"} +* y', '    direction: increase'), {
        vars: { JOB: 'a-much-longer-value' },
        env: {},
      }),
    ).toEqual(['9:30: PromQL syntax error in query of check "errors" at column 32: unexpected "*"']);
  });

  it('checks canary queries too', () => {
    expect(
      issuesOf(lines(...HEADER, '    baselineQuery: up', '    candidateQuery: up{', '    direction: increase')),
    ).toEqual(['10:24: PromQL syntax error in candidateQuery of check "errors" at column 4: unexpected end of query']);
  });
});

describe('long expressions that Prometheus accepts', () => {
  const chain = (terms: number, term = 'rate(http_requests_total{job="checkout"}[5m])'): string =>
    Array.from({ length: terms }, () => term).join(' + ');

  it.each([1000, 5000])('a %i-term sum is valid', (terms) => {
    expect(findPromQLSyntaxError(chain(terms, 'a'))).toBeUndefined();
    expect(findPromQLSyntaxError(chain(terms))).toBeUndefined();
  });

  it('a chain too deep for the parser to build its tree is left to the server, never refused and never a crash', () => {
    // 20,000 terms may or may not exhaust the stack while the tree is built; either way: no error.
    expect(findPromQLSyntaxError(chain(20000, 'a'))).toBeUndefined();
  });

  it('an error after the 900th term of a long sum is still found where it is', () => {
    const valid = chain(900);
    expect(findPromQLSyntaxError(`${valid} +* y`)).toEqual({ offset: valid.length + 2, message: 'unexpected "*"' });
  });
});
