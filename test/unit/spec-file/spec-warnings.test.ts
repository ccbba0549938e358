/** Warnings on valid specs: overlapping rate() ranges and count queries without a range. */
import { findSpecWarnings } from '../../../src/spec-file/spec-warnings.js';
import { HEADER, withCheck, validSpec, lines } from './helpers.js';

describe('findSpecWarnings', () => {
  it('warns when the step is shorter than a rate() range, at the query', () => {
    const spec = validSpec(withCheck("    query: 'sum(rate(x[1m])) / sum(rate(y[5m]))'", '    direction: increase'));
    expect(findSpecWarnings(spec)).toEqual([
      'spec.yaml:9:12: check "errors": the step (30s) is shorter than the [5m] range of rate() in query: points overlap, so n points are not n ' +
        'samples; the judge corrects for autocorrelation, but a step equal to the range gives more information per point (step: 5m, or [30s])',
    ]);
  });

  it('says nothing when every range fits the step, or for irate()', () => {
    expect(findSpecWarnings(validSpec(withCheck("    query: 'sum(rate(x[30s]))'", '    direction: increase')))).toEqual(
      [],
    );
    expect(findSpecWarnings(validSpec(withCheck("    query: 'sum(irate(x[5m]))'", '    direction: increase')))).toEqual(
      [],
    );
  });

  it('warns on a bare $NAME in a string value, naming it and suggesting ${NAME}', () => {
    const spec = validSpec(
      lines(
        'version: 1',
        'sources:',
        '  prom:',
        '    type: prometheus',
        '    url: http://127.0.0.1:9090',
        'checks:',
        '  - name: errors $ENV',
        '    source: prom',
        '    query: \'sum(rate(x_total{job="$job",env="$env"}[30s]))\'',
        '    direction: increase',
      ),
    );
    expect(findSpecWarnings(spec)).toEqual([
      'spec.yaml:7:11: "name" in check "errors $ENV" has $ENV, kept as written: only ${ENV} is a variable',
      'spec.yaml:9:12: "query" in check "errors $ENV" has $job, $env, kept as written: only ${job}, ${env} are variables',
    ]);
  });

  it('says nothing about $ in passwords, tokens and headers, or a $ that starts no name', () => {
    const spec = validSpec(
      lines(
        'version: 1',
        'sources:',
        '  prom:',
        '    type: prometheus',
        '    url: http://127.0.0.1:9090',
        '    headers: { X-Api-Key: "k$ey-long-enough" }',
        '    auth:',
        '      username: u$er',
        '      password: pa$sword',
        'checks:',
        '  - name: errors',
        '    source: prom',
        '    query: \'sum(rate(x_total{path=~"/a$"}[30s])) > ${A:-1}\'',
        '    direction: increase',
      ),
    );
    expect(findSpecWarnings(spec)).toEqual([]);
  });

  it('warns on a count query without any range: probably a running total', () => {
    const spec = validSpec(
      withCheck(
        "    numerator: 'sum(errors_total)'",
        "    denominator: 'sum(increase(requests_total[30s]))'",
        '    direction: increase',
      ),
    );
    expect(findSpecWarnings(spec)).toEqual([
      'spec.yaml:9:16: check "errors": numerator has no range like [30s]: each point must be the number of events in one step ' +
        "(e.g. increase(x[30s])), not a counter's running total",
    ]);
  });

  it('warns, at the field and without the value, about a credential too short to redact from text; not about a long one or a tenant', () => {
    const spec = validSpec(
      lines(
        'version: 1',
        'sources:',
        '  prom:',
        '    type: prometheus',
        '    url: http://127.0.0.1:9090',
        '    headers:',
        '      X-Auth-Key: k3y',
        '      X-Api-Key: long-enough-key',
        '      X-Scope-OrgID: ${TENANT}',
        '    auth:',
        '      username: bob',
        '      password: "${PASSWORD}"',
        'checks:',
        '  - name: up',
        '    source: prom',
        "    query: 'up'",
        '    direction: decrease',
      ),
      { vars: { PASSWORD: 'e', TENANT: 'a' }, env: {} },
    );
    const warnings = findSpecWarnings(spec);
    expect(warnings.map((w) => w.replace(/ characters: .*/, ''))).toEqual([
      'spec.yaml:7:19: the secret in "headers.X-Auth-Key" in source "prom" is shorter than 8',
      'spec.yaml:12:17: the secret in "auth.password" in source "prom" is shorter than 8',
    ]);
    expect(warnings[0]).toContain('masked only where a whole value equals it');
  });
});

describe('a post window as long as the baseline', () => {
  // Long memory (a wander slower than the baseline can show) read from a 30-minute baseline gave
  // 4.9% false alarms with a 10-minute post window but 7-8% with a 30- or 50-minute one
  // (docs/benchmarks.md, "Long memory when the post window is as long as the baseline").
  const spec = (windows: string[], ...check: string[]) =>
    validSpec(lines(...windows, ...HEADER_AFTER_VERSION, ...(check.length > 0 ? check : VALUE_CHECK)));
  const VALUE_CHECK = [
    "    query: 'histogram_quantile(0.95, sum by (le) (rate(x_bucket[30s])))'",
    '    direction: increase',
  ];
  const HEADER_AFTER_VERSION = HEADER.slice(1);

  it('warns once for before/after value checks judged on their windows alone, naming both windows and the remedies', () => {
    expect(findSpecWarnings(spec(['version: 1', 'baseline: {window: 30m}', 'post: {window: 50m}']))[0]).toMatch(
      /^spec\.yaml: the post window \(50m\) is longer than the baseline \(30m\): /,
    );
    expect(findSpecWarnings(spec(['version: 1', 'baseline: {window: 30m}', 'post: {window: 30m}']))).toEqual([
      'spec.yaml: the post window (30m) is as long as the baseline (30m): a value that wanders more slowly than the baseline ' +
        'can show (latency drifting over tens of minutes) reads as a change more often than the confidence allows; make ' +
        'baseline.window at least twice post.window, or add baseline.history (e.g. 24h) on a source with history',
    ]);
  });

  it('says nothing for a shorter post window, one under 10 minutes, with baseline.history or an offset, for counts, or in canary mode', () => {
    expect(findSpecWarnings(spec(['version: 1', 'baseline: {window: 30m}', 'post: {window: 15m}']))).toEqual([]);
    expect(findSpecWarnings(spec(['version: 1', 'baseline: {window: 5m}', 'post: {window: 5m}']))).toEqual([]);
    expect(
      findSpecWarnings(spec(['version: 1', 'baseline: {window: 30m, history: 24h}', 'post: {window: 30m}'])),
    ).toEqual([]);
    expect(
      findSpecWarnings(spec(['version: 1', 'baseline: {window: 30m, offset: 1d}', 'post: {window: 30m}'])),
    ).toEqual([]);
    expect(
      findSpecWarnings(
        spec(
          ['version: 1', 'baseline: {window: 30m}', 'post: {window: 30m}'],
          "    numerator: 'sum(increase(e[30s]))'",
          "    denominator: 'sum(increase(r[30s]))'",
          '    direction: increase',
        ),
      ),
    ).toEqual([]);
    expect(
      findSpecWarnings(
        spec(
          ['version: 1', 'baseline: {window: 30m}', 'post: {window: 30m}'],
          '    baselineQuery: \'avg(x{track="stable"})\'',
          '    candidateQuery: \'avg(x{track="canary"})\'',
          '    direction: increase',
        ),
      ),
    ).toEqual([]);
  });
});
