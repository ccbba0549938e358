/**
 * `${VAR}` inside PromQL is escaped for where it stands. The shape of the parsed query (lezer-promql,
 * the parser of the Prometheus UI) must not depend on a variable's value.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { escapeRegex, interpolatePromQL, scanTemplateContexts } from '../../../src/fields/promql-template.js';
import { HEADER, issuesOf, lines, validSpec } from './helpers.js';

const INJECTION = 'x"} or vector(1) #';

/** The tree of node names, without positions: two queries of one shape give the same string. */
function treeShape(query: string): string {
  return parser.parse(query).toString();
}

function fill(template: string, vars: Record<string, string>): string {
  const result = interpolatePromQL(template, (name) => vars[name]);
  if (result.refused.length > 0) throw new Error(result.refused.map((r) => r.reason).join('; '));
  return result.value;
}

describe('interpolatePromQL', () => {
  test('an injection attempt inside "..." stays one label value: same tree as a plain value', () => {
    const query = fill('sum(rate(http_requests_total{app="${APP}"}[5m]))', { APP: INJECTION });
    expect(query).toBe('sum(rate(http_requests_total{app="x\\"} or vector(1) #"}[5m]))');
    expect(treeShape(query)).toBe(treeShape('sum(rate(http_requests_total{app="x"}[5m]))'));
    expect(treeShape(query)).not.toContain('Or');
  });

  test("single quotes escape ' and backslashes; newlines become \\n", () => {
    expect(fill("up{a='${V}'}", { V: "it's a\\b\nc" })).toBe("up{a='it\\'s a\\\\b\\nc'}");
    expect(treeShape(fill("up{a='${V}'}", { V: "it's\n" }))).toBe(treeShape("up{a='x'}"));
  });

  test('after =~ and !~ the value is regex-escaped too, so it matches only itself', () => {
    expect(fill('up{route=~"${R}"}', { R: '/a.b|c' })).toBe('up{route=~"/a\\\\.b\\\\|c"}');
    expect(fill('up{route!~ "${R}"}', { R: '(x)*' })).toBe('up{route!~ "\\\\(x\\\\)\\\\*"}');
    expect(fill('up{route="${R}"}', { R: 'a.b' })).toBe('up{route="a.b"}');
    expect(escapeRegex('\\.+*?()|[]{}^$')).toBe('\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$');
  });

  test('inside `raw` strings nothing is escaped, and a backtick is refused', () => {
    expect(fill('up{a=`${V}`}', { V: 'a"b\\c' })).toBe('up{a=`a"b\\c`}');
    expect(interpolatePromQL('up{a=`${V}`}', () => 'x`y').refused[0]?.reason).toContain('backtick');
  });

  test('outside a string only a plain name, number or duration is accepted', () => {
    expect(
      fill('rate(x[${W}]) > ${MIN} and ${METRIC}', { W: '5m', MIN: '-1.5e3', METRIC: 'http_requests_total' }),
    ).toBe('rate(x[5m]) > -1.5e3 and http_requests_total');
    const refused = interpolatePromQL('rate(x[${W}])', () => '5m]) or vector(1) #').refused;
    expect(refused).toEqual([{ name: 'W', reason: expect.stringContaining('outside a string literal') }]);
    expect(refused[0]?.reason).toContain('${W:raw}');
  });

  test('in a comment the value must be plain too (a newline would end the comment)', () => {
    expect(interpolatePromQL('up # ${C}\n', () => 'x\nor vector(1)').refused[0]?.reason).toContain('in a comment');
  });

  test('${VAR:raw} goes in verbatim: the author asked for PromQL', () => {
    expect(fill('sum(${EXPR:raw})', { EXPR: 'rate(x[5m]) or vector(0)' })).toBe('sum(rate(x[5m]) or vector(0))');
  });

  test('escaped quotes and $${ do not confuse the scanner', () => {
    const template = 'label_replace(up{a="q\\"${A}"}, "d", "$${1}", "s", "${B}") > ${N}';
    const contexts = [...scanTemplateContexts(template).values()].map((c) => c.kind);
    expect(contexts).toEqual(['string', 'string', 'code']);
    expect(fill(template, { A: '"', B: '\\', N: '1' })).toBe(
      'label_replace(up{a="q\\"\\""}, "d", "${1}", "s", "\\\\") > 1',
    );
  });
});

describe('query escaping in a spec', () => {
  test('a query field escapes its variables; other fields do not', () => {
    const spec = validSpec(lines(...HEADER, '    query: up{app="${APP}"}', '    direction: increase'), {
      vars: { APP: INJECTION },
      env: {},
    });
    expect(spec.checks[0]?.query).toBe('up{app="x\\"} or vector(1) #"}');
  });

  test('a value refused outside a string is a spec error at the query, naming the variable, not the value', () => {
    const issues = issuesOf(lines(...HEADER, '    query: rate(up[${WINDOW}])', '    direction: increase'), {
      vars: { WINDOW: '5m]) or vector(1) #' },
      env: {},
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^9:12: "query" in check "errors" puts \$\{WINDOW\} outside a string literal/);
    expect(issues[0]).not.toContain('vector(1)');
  });
});
