/** Warnings on valid specs: overlapping rate() ranges and count queries without a range. */
import { findSpecWarnings } from '../../../src/spec-file/spec-warnings.js';
import { withCheck, validSpec, lines } from './helpers.js';

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
