import { parseSpec } from '../../../src/spec-file/parse.js';
import { FILE, HEADER, issuesOf, lines, validSpec } from './helpers.js';

const CHECK_END = ['    query: up', '    direction: increase'];

describe('YAML that a spec never needs is refused', () => {
  it('refuses anchors and aliases, and never expands them', () => {
    const text = lines(
      'version: 1',
      'defaults: &d {direction: increase}',
      ...HEADER.slice(1),
      '    query: up',
      '    direction: *d',
    );
    expect(issuesOf(text)).toEqual([
      '2:11: anchors (&d) are not allowed in a spec: repeat the value instead',
      '11:16: aliases (*d) are not allowed in a spec: repeat the value instead',
    ]);
  });

  it('stops an alias bomb quickly, with an issue instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const issues = parseSpec(lines(...bomb), FILE, { vars: {}, env: {} }).issues;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(issues.some((issue) => issue.message.startsWith('aliases (*a)'))).toBe(true);
  });

  it('refuses unknown tags (the yaml package only warns about them)', () => {
    expect(issuesOf(lines(...HEADER, '    query: !env PROM_QUERY', '    direction: increase'))).toEqual([
      '9:12: unknown tag !env: remove it (tags are not used in a spec)',
    ]);
    expect(issuesOf(lines(...HEADER, '    query: !!binary dXA=', '    direction: increase'))).toContain(
      '9:12: unknown tag !!binary: remove it (tags are not used in a spec)',
    );
  });

  it('accepts the core tags', () => {
    expect(issuesOf(lines(...HEADER, '    query: !!str up', '    direction: increase'))).toEqual([]);
  });

  it('refuses __proto__, constructor and prototype keys and leaves Object.prototype untouched', () => {
    const text = lines(
      'version: 1',
      '__proto__: {polluted: yes}',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: http://127.0.0.1:9090',
      '    headers: {constructor: x, __proto__: {polluted: yes}}',
      '  prototype: {type: prometheus, url: "http://127.0.0.1:9090"}',
      'checks:',
      '  - name: a',
      '    source: prom',
      ...CHECK_END,
    );
    expect(issuesOf(text)).toEqual([
      '2:1: the key "__proto__" is not allowed: rename it',
      '7:15: the key "constructor" is not allowed: rename it',
      '7:31: the key "__proto__" is not allowed: rename it',
      '8:3: the key "prototype" is not allowed: rename it',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('builds maps on null prototypes, so header names cannot reach Object.prototype', () => {
    const spec = validSpec(
      lines(...HEADER.slice(0, 5), '    headers: {hasOwnProperty: x, toString: y}', ...HEADER.slice(5), ...CHECK_END),
    );
    const headers = spec.sources.prom?.headers ?? {};
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(headers).toEqual({ hasOwnProperty: 'x', toString: 'y' });
    expect(Object.getPrototypeOf(spec.sources)).toBeNull();
  });

  it('refuses duplicate keys, naming the key, at the second occurrence', () => {
    expect(issuesOf(lines(...HEADER, ...CHECK_END, '    query: down'))).toEqual([
      '11:5: duplicate key "query": each key may appear once in a mapping',
    ]);
  });

  it('refuses a merge key (<<) as an unknown key', () => {
    expect(issuesOf(lines(...HEADER, ...CHECK_END, '    <<: {step: 1m}'))).toEqual([
      '11:5: unknown key "<<" in check "errors"; known keys: name, source, query, baselineQuery, candidateQuery, numerator, denominator, minTraffic, direction, tolerance, confidence, step, max, min, aggregate, critical, minSamples, ignoreLabels, measure, rate, ratio, quantile, by, signatures, message',
    ]);
  });

  it('reports YAML syntax errors with line:col and nothing else', () => {
    expect(issuesOf(lines('version: 1', 'sources:', '  prom: {type: prometheus', 'checks: []'))).toEqual([
      '4:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
    const [issue] = issuesOf(lines('version: 1', 'checks:', '  - name: a', ' bad: ['));
    expect(issue).toMatch(/^\d+:\d+: YAML syntax error: /);
  });

  it('refuses a second YAML document in the file', () => {
    const issues = issuesOf(lines(...HEADER, ...CHECK_END, '---', 'version: 1'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^11:1: YAML syntax error: /);
  });

  it('caps the spec at 1 MiB', () => {
    const big = lines(...HEADER, ...CHECK_END) + `# ${'x'.repeat(1024 * 1024)}\n`;
    const size = Buffer.byteLength(big);
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(issuesOf(big)).toEqual([
      `1:1: the spec file is ${size} bytes, over the 1 MiB (1048576 bytes) limit: check that this is the right file`,
    ]);
  });
});
