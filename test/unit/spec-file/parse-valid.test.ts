import type { PrometheusSourceSpec } from '../../../src/sources/prometheus/spec.js';
import { validSpec, withCheck, lines, HEADER } from './helpers.js';

describe('parseSpec on a valid spec', () => {
  it('fills every documented default when the spec sets nothing optional', () => {
    const spec = validSpec(withCheck('    query: up', '    direction: increase'));
    expect(spec.deploy).toEqual({ warmup: 0 });
    expect(spec.baseline.window).toBe(1800);
    expect(spec.post.window).toBe(600);
    expect(spec.sources.prom).toEqual({
      type: 'prometheus',
      name: 'prom',
      url: 'http://127.0.0.1:9090',
      headers: {},
      timeout: 30,
      retries: 2,
    });
    const [check] = spec.checks;
    expect(check).toEqual({
      name: 'errors',
      source: 'prom',
      query: 'up',
      direction: 'increase',
      tolerance: 0.1,
      confidence: 0.95,
      step: 30,
      aggregate: 'mean',
      critical: true,
      minSamples: 5,
      ignoreLabels: [],
      positions: { query: { line: 9, col: 12 } },
    });
    expect(spec.secrets).toEqual([]);
  });

  it('keeps name, deploy.at, source options and bounds', () => {
    const spec = validSpec(
      lines(
        'version: 1',
        'name: checkout',
        'deploy:',
        '  at: "2026-11-26T10:00:00Z"',
        '  warmup: 1m30s',
        'sources:',
        '  prom: {type: prometheus, url: "https://127.0.0.1:9090/prometheus", timeout: 5s, retries: 0}',
        'checks:',
        '  - {name: a, source: prom, query: up, direction: either, max: 2, min: -1, aggregate: p99, critical: false}',
      ),
    );
    expect(spec.name).toBe('checkout');
    expect(spec.deploy).toEqual({ at: '2026-11-26T10:00:00Z', warmup: 90 });
    expect(spec.sources.prom).toMatchObject({ timeout: 5, retries: 0 });
    expect(spec.checks[0]).toMatchObject({ max: 2, min: -1, aggregate: 'p99', critical: false, direction: 'either' });
  });

  it("takes values from defaults, and a check's own value wins over defaults", () => {
    const spec = validSpec(
      lines(
        'version: 1',
        'defaults:',
        '  source: prom',
        '  direction: decrease',
        '  tolerance: 25%',
        '  confidence: 99%',
        '  step: 1m',
        '  ignoreLabels: [pod]',
        'sources:',
        '  prom: {type: prometheus, url: "http://127.0.0.1:9090"}',
        'checks:',
        '  - name: inherits',
        '    query: up',
        '  - name: overrides',
        '    query: up',
        '    direction: increase',
        '    tolerance: 0.05',
        '    ignoreLabels: []',
      ),
    );
    expect(spec.checks[0]).toMatchObject({
      source: 'prom',
      direction: 'decrease',
      tolerance: 0.25,
      confidence: 0.99,
      step: 60,
      ignoreLabels: ['pod'],
    });
    expect(spec.checks[1]).toMatchObject({
      direction: 'increase',
      tolerance: 0.05,
      confidence: 0.99,
      ignoreLabels: [],
    });
  });

  it('reads a canary check and records both query positions', () => {
    const spec = validSpec(
      withCheck(
        '    baselineQuery: up{track="stable"}',
        '    candidateQuery: \'up{track="canary"}\'',
        '    direction: increase',
      ),
    );
    const [check] = spec.checks;
    expect(check?.query).toBeUndefined();
    expect(check?.baselineQuery).toBe('up{track="stable"}');
    expect(check?.candidateQuery).toBe('up{track="canary"}');
    expect(check?.positions).toEqual({ baselineQuery: { line: 9, col: 20 }, candidateQuery: { line: 10, col: 21 } });
  });

  it('accepts basic auth, headers and percentages written as fractions', () => {
    const spec = validSpec(
      lines(
        ...HEADER.slice(0, 5),
        '    headers: { X-Scope-OrgID: team-a }',
        '    auth: { username: bob, password: "p$ss" }',
        ...HEADER.slice(5),
        '    query: up',
        '    direction: increase',
        '    tolerance: 0',
        '    confidence: 0.9',
      ),
    );
    expect(spec.sources.prom?.headers).toEqual({ 'X-Scope-OrgID': 'team-a' });
    expect((spec.sources.prom as PrometheusSourceSpec | undefined)?.auth).toEqual({
      username: 'bob',
      password: 'p$ss',
    });
    expect(spec.checks[0]).toMatchObject({ tolerance: 0, confidence: 0.9 });
    expect(spec.secrets).toEqual(['p$ss']);
  });
});
