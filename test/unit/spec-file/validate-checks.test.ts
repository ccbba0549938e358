import { HEADER, issuesOf, lines, withCheck } from './helpers.js';

describe('check rules', () => {
  it('needs a query, or both canary queries', () => {
    expect(issuesOf(withCheck('    direction: increase'))).toEqual([
      '7:5: check "errors" needs a "query" (or "baselineQuery" and "candidateQuery" for a canary, or "numerator" and "denominator" for counts)',
    ]);
    expect(issuesOf(withCheck('    direction: increase', '    baselineQuery: up'))).toEqual([
      '7:5: check "errors" needs "candidateQuery" too: canary mode compares "baselineQuery" with "candidateQuery"',
    ]);
    expect(issuesOf(withCheck('    direction: increase', '    query: up', '    candidateQuery: up'))).toEqual([
      '11:21: check "errors" has both "query" and "candidateQuery": use "query" (before/after) or "baselineQuery" + "candidateQuery" (canary), not both',
    ]);
  });

  it('needs a direction in the check or in defaults', () => {
    expect(issuesOf(withCheck('    query: up'))).toEqual([
      '7:5: check "errors" needs "direction": increase, decrease or either (the change that is bad); set it in the check or in defaults',
    ]);
    expect(issuesOf(lines('version: 1', 'defaults: {direction: either}', ...HEADER.slice(1), '    query: up'))).toEqual(
      [],
    );
  });

  it('needs a defined source, in the check or in defaults', () => {
    expect(issuesOf(lines(...HEADER.slice(0, 7), '    query: up', '    direction: increase'))).toEqual([
      '7:5: check "errors" needs "source" (in the check or in defaults): add "source: prom"',
    ]);
    expect(
      issuesOf(lines(...HEADER.slice(0, 7), '    source: promm', '    query: up', '    direction: increase')),
    ).toEqual(['8:13: check "errors" uses source "promm", which is not defined; defined sources: prom']);
  });

  it('reports an undefined source in defaults once, not once per check', () => {
    expect(
      issuesOf(
        lines(
          'version: 1',
          'defaults: {source: nope, direction: increase}',
          'sources:',
          '  prom: {type: prometheus, url: "http://127.0.0.1:9090"}',
          'checks:',
          '  - {name: a, query: up}',
          '  - {name: b, query: up}',
        ),
      ),
    ).toEqual(['2:20: defaults uses source "nope", which is not defined; defined sources: prom']);
  });

  it('refuses duplicate check names', () => {
    expect(
      issuesOf(
        withCheck(
          '    query: up',
          '    direction: increase',
          '  - name: errors',
          '    source: prom',
          '    query: up',
          '    direction: increase',
        ),
      ),
    ).toEqual(['11:11: duplicate check name "errors": check names must be unique']);
  });

  it('needs max >= min when both are set, also when one comes from defaults', () => {
    expect(issuesOf(withCheck('    query: up', '    direction: increase', '    max: 1', '    min: 2'))).toEqual([
      '11:10: check "errors" has "max" (1) below "min" (2): max must be >= min',
    ]);
    expect(issuesOf(withCheck('    query: up', '    direction: increase', '    max: 2', '    min: 2'))).toEqual([]);
    expect(
      issuesOf(
        lines(
          'version: 1',
          'defaults: {min: 5}',
          ...HEADER.slice(1),
          '    query: up',
          '    direction: increase',
          '    max: 1',
        ),
      ),
    ).toEqual(['12:10: check "errors" has "max" (1) below "min" (5): max must be >= min']);
  });

  it('needs at least one check, and a name for each', () => {
    expect(issuesOf(lines(...HEADER.slice(0, 5), 'checks: []'))).toEqual(['6:9: "checks" needs at least 1 entry']);
    expect(
      issuesOf(lines(...HEADER.slice(0, 6), '  - source: prom', '    query: up', '    direction: increase')),
    ).toEqual(['7:5: missing required key "name" in check #1']);
  });

  it('refuses an empty query', () => {
    expect(issuesOf(withCheck('    query: " "', '    direction: increase'))).toEqual([
      '9:12: query of check "errors" is empty: write a PromQL expression',
    ]);
  });
});

describe('several issues at once', () => {
  it('reports every issue of the file, in file order, each at its own line:col', () => {
    const text = lines(
      'version: 1',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: ftp://127.0.0.1',
      '    retries: many',
      'checks:',
      '  - name: latency',
      '    source: prom',
      '    query: rate(x[5m]',
      '    tolerence: 10%',
      '    direction: sideways',
      '  - name: latency',
      '    source: other',
      '    query: up',
      '    step: soon',
    );
    expect(issuesOf(text)).toEqual([
      '5:10: "url" in source "prom" must use http:// or https:// (not ftp:)',
      '6:14: "retries" in source "prom" must be an integer from 0 to 10 (got "many")',
      '10:22: PromQL syntax error in query of check "latency" at column 11: unexpected end of query',
      '11:5: unknown key "tolerence" in check "latency" (did you mean "tolerance"?)',
      '12:16: "direction" in check "latency" must be one of increase, decrease, either (got "sideways")',
      '13:5: check "latency" needs "direction": increase, decrease or either (the change that is bad); set it in the check or in defaults',
      '13:11: duplicate check name "latency": check names must be unique',
      '14:13: check "latency" uses source "other", which is not defined; defined sources: prom',
      '16:11: "step" in check "latency" must be a duration like 30s, 5m or 1h30m (greater than zero) (got "soon")',
    ]);
  });
});
