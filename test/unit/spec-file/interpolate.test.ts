import type { PrometheusSourceSpec } from '../../../src/sources/prometheus/spec.js';
import { interpolate, rawOffsetOf, variableLookup } from '../../../src/fields/interpolate.js';
import { HEADER, issuesOf, lines, validSpec } from './helpers.js';

const lookup = (values: Record<string, string>) => (name: string) => values[name];

describe('interpolate', () => {
  it('replaces braced variables only; a bare $ stays literal', () => {
    const result = interpolate('a ${X} $X $ {X} p$ss$ ${lower_ok}', lookup({ X: '1', lower_ok: '2' }));
    expect(result.value).toBe('a 1 $X $ {X} p$ss$ 2');
    expect(result.missing).toEqual([]);
  });

  it('writes $${X} as a literal ${X}, without looking X up', () => {
    const result = interpolate('pa$${X}s and ${X}', lookup({ X: 'v' }));
    expect(result.value).toBe('pa${X}s and v');
    expect(result.missing).toEqual([]);
  });

  it('lists unset variables by name and keeps text that is not a variable name', () => {
    const result = interpolate('${A}${B} ${1X} ${} ${A', lookup({ A: 'a' }));
    expect(result.missing).toEqual(['B']);
    expect(result.value).toBe('a ${1X} ${} ${A');
  });

  it('${A:-default} takes the default when A is unset or empty, as a shell or docker compose does', () => {
    const result = interpolate(
      '${A:-http://localhost:9090} ${B:-b} ${C:-} ${D:-x y:-z}',
      lookup({ B: '', C: 'c', D: 'd' }),
    );
    expect(result.value).toBe('http://localhost:9090 b c d');
    expect(result.missing).toEqual([]);
    expect(result.empty).toEqual([]);
    expect(result.substitutedValues).toEqual(['http://localhost:9090', 'b', 'c', 'd']);
  });

  it('${A:-} with A unset is the empty string, listed as empty; $${A:-x} stays literal', () => {
    const result = interpolate('[${A:-}] $${A:-x}', lookup({}));
    expect(result.value).toBe('[] ${A:-x}');
    expect(result.missing).toEqual([]);
    expect(result.empty).toEqual(['A']);
  });

  it('maps offsets after a default back to the raw text', () => {
    const raw = '${A:-default}cd';
    const result = interpolate(raw, lookup({}));
    expect(result.value).toBe('defaultcd');
    expect(rawOffsetOf(result, 7)).toBe(raw.indexOf('cd'));
  });

  it('never re-expands a substituted value', () => {
    expect(interpolate('${A}', lookup({ A: '${B}', B: 'no' })).value).toBe('${B}');
  });

  it('maps output offsets back to the raw text', () => {
    const raw = 'ab${LONG_NAME}cd';
    const result = interpolate(raw, lookup({ LONG_NAME: 'x' }));
    expect(result.value).toBe('abxcd');
    expect(rawOffsetOf(result, 1)).toBe(1); // b
    expect(rawOffsetOf(result, 2)).toBe(2); // inside the value: the `$` of `${LONG_NAME}`
    expect(rawOffsetOf(result, 3)).toBe(raw.indexOf('cd'));
    expect(rawOffsetOf(result, 5)).toBe(raw.length);
  });

  it('lets --var values win over the environment', () => {
    const find = variableLookup({ A: 'from-var' }, { A: 'from-env', B: 'env-only' });
    expect(find('A')).toBe('from-var');
    expect(find('B')).toBe('env-only');
    expect(find('C')).toBeUndefined();
    expect(variableLookup({}, {})('toString')).toBeUndefined();
  });
});

describe('interpolation in a spec', () => {
  const spec = (url: string, ...extra: string[]): string =>
    lines(
      'version: 1',
      'sources:',
      '  prom:',
      '    type: prometheus',
      `    url: ${url}`,
      ...extra,
      ...HEADER.slice(5),
      '    query: up',
      '    direction: increase',
    );

  it('fills ${VAR} from --var first, then from the environment', () => {
    const text = spec('${PROMETHEUS_URL}');
    expect(
      validSpec(text, { vars: { PROMETHEUS_URL: 'http://127.0.0.1:1' }, env: { PROMETHEUS_URL: 'http://127.0.0.1:2' } })
        .sources.prom?.url,
    ).toBe('http://127.0.0.1:1');
    expect(validSpec(text, { vars: {}, env: { PROMETHEUS_URL: 'http://127.0.0.1:2' } }).sources.prom?.url).toBe(
      'http://127.0.0.1:2',
    );
  });

  it('${VAR:-default} in a URL, a number and a PromQL label value: the default when unset or empty, escaped in PromQL', () => {
    const text = lines(
      'version: 1',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: ${PROMETHEUS_URL:-http://localhost:9090}',
      '    retries: ${RETRIES:-4}',
      ...HEADER.slice(5),
      '    query: up{job="${JOB:-a\\"b}"}',
      '    direction: increase',
    );
    const unset = validSpec(text);
    expect(unset.sources.prom).toMatchObject({ url: 'http://localhost:9090', retries: 4 });
    expect(unset.checks[0]?.query).toBe('up{job="a\\\\\\"b"}');
    const set = validSpec(text, {
      vars: { PROMETHEUS_URL: 'http://127.0.0.1:1', RETRIES: '', JOB: 'checkout' },
      env: {},
    });
    expect(set.sources.prom).toMatchObject({ url: 'http://127.0.0.1:1', retries: 4 });
    expect(set.checks[0]?.query).toBe('up{job="checkout"}');
  });

  it('reports an unset variable by name at the string that uses it', () => {
    expect(issuesOf(spec('http://${PROM_HOST}:${PROM_PORT}'), { vars: { PROM_PORT: '9090' }, env: {} })).toEqual([
      '5:10: "url" in source "prom" uses ${PROM_HOST}, which is not set: pass --var PROM_HOST=... or set the environment variable PROM_HOST',
    ]);
  });

  it("never prints a variable's value in an issue", () => {
    const issues = issuesOf(spec('${URL}', '    auth: {bearer: "${TOKEN}", username: x}'), {
      vars: {},
      env: { URL: 'gopher://secret-host', TOKEN: 's3cr3t-token' },
    });
    expect(issues).toHaveLength(2);
    expect(issues.join('\n')).not.toMatch(/secret-host|s3cr3t-token/);
  });

  it('keeps $ literal in values, so a password with $ works', () => {
    const parsed = validSpec(
      spec('http://127.0.0.1:9090', '    auth:', '      username: bob', '      password: pa$$w0rd$'),
    );
    expect((parsed.sources.prom as PrometheusSourceSpec | undefined)?.auth).toEqual({
      username: 'bob',
      password: 'pa$$w0rd$',
    });
  });

  it('does not let a variable inject YAML: the value stays one string', () => {
    const parsed = validSpec(lines('name: ${NAME}', spec('http://127.0.0.1:9090')), {
      vars: { NAME: 'a\nsources: {}\n  auth: {bearer: x}' },
      env: {},
    });
    expect(parsed.name).toBe('a\nsources: {}\n  auth: {bearer: x}');
    expect(Object.keys(parsed.sources)).toEqual(['prom']);
  });

  it('refuses a line break put into a header by a variable (header injection)', () => {
    expect(
      issuesOf(spec('http://127.0.0.1:9090', '    headers:', '      X-Tenant: ${TENANT}'), {
        vars: { TENANT: 'a\r\nX-Admin: 1' },
        env: {},
      }),
    ).toEqual([
      '7:17: "headers.X-Tenant" in source "prom" must be a string without line breaks (put numbers in quotes)',
    ]);
  });

  it('reads a number that a variable put into a numeric field, and never quotes a bad one back', () => {
    const parsed = validSpec(spec('http://127.0.0.1:9090', '    retries: ${RETRIES}'), {
      vars: { RETRIES: '4' },
      env: {},
    });
    expect((parsed.sources.prom as PrometheusSourceSpec | undefined)?.retries).toBe(4);
    expect(
      issuesOf(spec('http://127.0.0.1:9090', '    retries: ${RETRIES}'), { vars: { RETRIES: 'four' }, env: {} }),
    ).toEqual(['6:14: "retries" in source "prom" must be an integer from 0 to 10']);
  });

  it('only interpolates strings: numbers and booleans are left as they are', () => {
    const parsed = validSpec(lines(...HEADER, '    query: up{a="${A}"}', '    direction: increase', '    max: 5'), {
      vars: { A: 'x' },
      env: {},
    });
    expect(parsed.checks[0]?.query).toBe('up{a="x"}');
    expect(parsed.checks[0]?.max).toBe(5);
  });

  it('collects secrets: values put into auth or headers, and literal bearer tokens and passwords', () => {
    const parsed = validSpec(
      spec(
        '${PROMETHEUS_URL}',
        '    headers:',
        '      X-Scope-OrgID: ${TENANT}',
        '      Authorization: Basic literal-header',
        '      X-Plain: visible',
        '    auth:',
        '      bearer: literal-token',
      ),
      { vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090', TENANT: 'tenant-a' }, env: {} },
    );
    expect([...parsed.secrets].sort()).toEqual(['Basic literal-header', 'literal-token', 'tenant-a']);
    const basic = validSpec(
      spec('http://127.0.0.1:9090', '    auth:', '      username: ${USER_NAME}', '      password: "${PASSWORD}"'),
      {
        vars: { USER_NAME: 'bob', PASSWORD: 'p@ss' },
        env: {},
      },
    );
    expect([...basic.secrets].sort()).toEqual(['bob', 'p@ss']);
  });

  it('refuses a variable that is empty inside a query, since it would widen the selector', () => {
    expect(
      issuesOf(lines(...HEADER, '    query: up{job="${JOB}"}', '    direction: increase'), {
        vars: { JOB: '' },
        env: {},
      }),
    ).toEqual([
      '9:12: query of check "errors" uses ${JOB}, which is empty: an empty label value matches every series without that label; set JOB',
    ]);
  });
});

describe('an unused --var', () => {
  it('is a warning naming it, so a misspelt or needless --var is not silently ignored', () => {
    const text = lines(...HEADER, '    query: up', '    direction: decrease').replace(
      'url: http://127.0.0.1:9090',
      'url: ${PROMETHEUS_URL:-http://localhost:9090}',
    );
    const spec = validSpec(text, {
      vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090', PROM_URL: 'http://x:9090' },
      env: { HOME: '/root' },
    });
    expect((spec.sources.prom as PrometheusSourceSpec).url).toBe('http://127.0.0.1:9090');
    expect(spec.warnings).toEqual([
      'spec.yaml: --var PROM_URL is not used: the spec has no ${PROM_URL} (is it misspelt?)',
    ]);
  });
});
