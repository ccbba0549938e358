/** Count checks (numerator / denominator / minTraffic) and their PromQL rules, with exact positions. */
import { HEADER, issuesOf, lines, validSpec, withCheck } from './helpers.js';

const NUM = 'sum(increase(http_requests_total{code=~"5.."}[30s]))';
const DEN = 'sum(increase(http_requests_total[30s]))';

describe('count checks', () => {
  it('reads numerator, denominator and the default minTraffic of 100, with positions', () => {
    const spec = validSpec(
      withCheck(`    numerator: '${NUM}'`, `    denominator: '${DEN}'`, '    direction: increase'),
    );
    const check = spec.checks[0];
    expect(check).toMatchObject({ numerator: NUM, denominator: DEN, minTraffic: 100, step: 30 });
    expect(check?.query).toBeUndefined();
    expect(check?.positions).toEqual({ numerator: { line: 9, col: 16 }, denominator: { line: 10, col: 18 } });
  });

  it('takes minTraffic from the check or from defaults', () => {
    const text = lines(
      'version: 1',
      'defaults: {direction: increase, minTraffic: 500}',
      ...HEADER.slice(1),
      `    numerator: '${NUM}'`,
      `    denominator: '${DEN}'`,
      '  - name: own',
      '    source: prom',
      `    numerator: '${NUM}'`,
      `    denominator: '${DEN}'`,
      '    minTraffic: 20',
    );
    expect(validSpec(text).checks.map((c) => c.minTraffic)).toEqual([500, 20]);
  });

  it('needs both numerator and denominator, and no query beside them', () => {
    expect(issuesOf(withCheck(`    numerator: '${NUM}'`, '    direction: increase'))).toEqual([
      '7:5: check "errors" needs "denominator" too: a count check compares events ("numerator", e.g. errors) out of trials ("denominator", e.g. requests)',
    ]);
    expect(
      issuesOf(
        withCheck(`    numerator: '${NUM}'`, `    denominator: '${DEN}'`, '    query: up', '    direction: increase'),
      ),
    ).toEqual([
      '11:12: check "errors" has both "numerator"/"denominator" and "query": a count check reads "numerator" and "denominator" instead of a query; keep one kind',
    ]);
  });

  it('refuses numerator and denominator in defaults, and minTraffic on a query check', () => {
    expect(
      issuesOf(
        lines(
          'version: 1',
          `defaults: {numerator: up}`,
          ...HEADER.slice(1),
          '    query: up',
          '    direction: increase',
        ),
      ),
    ).toEqual(['2:12: "numerator" cannot be set in defaults: set it in each check']);
    expect(issuesOf(withCheck('    query: up', '    direction: increase', '    minTraffic: 10'))).toEqual([
      '11:17: check "errors" has "minTraffic", which only applies to count checks ("numerator" and "denominator"): remove it or make the check a count check',
    ]);
    expect(
      issuesOf(
        withCheck(
          `    numerator: '${NUM}'`,
          `    denominator: '${DEN}'`,
          '    direction: increase',
          '    minTraffic: 0',
        ),
      ),
    ).toEqual(['12:17: "minTraffic" in check "errors" must be an integer >= 1 (got 0)']);
  });

  it('requires every range to equal the step, pointing at the range', () => {
    // Line 9: `    numerator: '` is 16 characters, so the query starts at column 17; `1m` is 45 characters into it.
    expect(
      issuesOf(
        withCheck(
          `    numerator: 'sum(increase(http_requests_total{code="500"}[1m]))'`,
          `    denominator: '${DEN}'`,
          '    direction: increase',
        ),
      ),
    ).toEqual([
      '9:62: the range [1m] in numerator of check "errors" must equal the check\'s step (30s) so that each point counts the events of one step: write [30s], or set step: 1m',
    ]);
  });

  it('compares ranges with the step from defaults, and checks subqueries', () => {
    const text = lines(
      'version: 1',
      'defaults: {direction: increase, step: 1m}',
      ...HEADER.slice(1),
      "    numerator: 'sum(increase(errors_total[1m]))'",
      "    denominator: 'sum_over_time(sum(increase(requests_total[1m]))[5m:1m])'",
    );
    expect(issuesOf(text)).toEqual([
      '11:67: the range [5m] in denominator of check "errors" must equal the check\'s step (1m) so that each point counts the events of one step: write [1m] (and a subquery resolution of 1m), or set step: 5m',
    ]);
  });

  it('refuses rate(), which counts per second, at the function name', () => {
    expect(
      issuesOf(
        withCheck(
          "    numerator: 'sum(rate(errors_total[30s]))'",
          `    denominator: '${DEN}'`,
          '    direction: increase',
        ),
      ),
    ).toEqual([
      '9:21: numerator of check "errors" uses rate(), which gives events per second: a count check needs the events of each step, e.g. increase(...[30s])',
    ]);
  });

  it('reports a PromQL syntax error in a count query like in a query', () => {
    const issues = issuesOf(
      withCheck(
        "    numerator: 'sum(increase(errors_total[30s])'",
        `    denominator: '${DEN}'`,
        '    direction: increase',
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^9:\d+: PromQL syntax error in numerator of check "errors"/);
  });
});
