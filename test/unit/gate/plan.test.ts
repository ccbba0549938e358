/** planRun: offset baselines, the four queries of a count check, and the spec's warnings. */
import { renderDryRun } from '../../../src/gate/dry-run.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Source } from '../../../src/sources/types.js';
import { COUNT_CHECK, QUERY_CHECK, specFrom, TOP } from './spec-fixture.js';

// 2026-01-15T10:00:00Z, a multiple of every step used here.
const DEPLOY = 1768471200;
const fakeSource: Source = {
  fetchRange: () => Promise.reject(new Error('no network in a plan test')),
  describe: () => 'prometheus at http://127.0.0.1:9090',
};

describe('planRun', () => {
  it('reads the baseline just before the deploy by default', () => {
    const plan = planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY);
    expect(plan.windows).toEqual({
      baseline: { start: DEPLOY - 1800, end: DEPLOY },
      post: { start: DEPLOY, end: DEPLOY + 600 },
    });
    expect(plan.checks[0]?.baseline.range).toEqual({ start: DEPLOY - 1800, end: DEPLOY, step: 30 });
  });

  it('reads the point at the deploy instant in the baseline only: the post query starts one step after it', () => {
    const [points] = planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY).checks;
    expect(points?.baseline.range).toEqual({ start: DEPLOY - 1800, end: DEPLOY, step: 30 });
    expect(points?.candidate.range).toEqual({ start: DEPLOY + 30, end: DEPLOY + 600, step: 30 });
    // decidedAfter still counts from the deploy (no warmup), where the post window opens.
    expect(points?.windows.postOpens).toBe(DEPLOY);
  });

  it('with baseline.offset, reads the same time of day earlier: it ends offset before the post window ends', () => {
    const spec = specFrom(
      'version: 1',
      'deploy: {warmup: 1m}',
      'baseline: {window: 30m, offset: 1d}',
      ...TOP.slice(1),
      ...QUERY_CHECK,
    );
    const plan = planRun(spec, DEPLOY);
    const postEnd = DEPLOY + 60 + 600;
    expect(plan.windows.post).toEqual({ start: DEPLOY + 60, end: postEnd });
    expect(plan.windows.baseline).toEqual({ start: postEnd - 86400 - 1800, end: postEnd - 86400, offset: 86400 });
    expect(plan.checks[0]?.baseline.range).toEqual({ start: postEnd - 86400 - 1800, end: postEnd - 86400, step: 30 });
    expect(plan.checks[0]?.candidate.range).toEqual({ start: DEPLOY + 60, end: postEnd, step: 30 });
  });

  it('hands the offset to the judge, so post point t pairs with baseline point t - offset; a plain check has none', () => {
    const top = ['version: 1', 'baseline: {window: 10m, offset: 1d}', ...TOP.slice(1)];
    expect(planRun(specFrom(...top, ...QUERY_CHECK), DEPLOY).checks[0]?.offset).toBe(86400);
    expect(planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY).checks[0]?.offset).toBeUndefined();
  });

  it('aligns an offset baseline to the step', () => {
    const spec = specFrom(
      'version: 1',
      'baseline: {window: 10m, offset: 2h}',
      'defaults: {step: 1m}',
      ...TOP.slice(1),
      ...QUERY_CHECK,
    );
    // The deploy 10:00:20 puts the post window at 10:01 .. 10:11; the baseline ends 2h before 10:11.
    const range = planRun(spec, DEPLOY + 20).checks[0]?.baseline.range;
    expect(range).toEqual({ start: DEPLOY + 660 - 7200 - 600, end: DEPLOY + 660 - 7200, step: 60 });
  });

  it("starts a value check's post query at the first point whose rate() range starts after the deploy", () => {
    const spec = specFrom(
      ...TOP,
      '  - name: error rate',
      '    source: prom',
      "    query: 'sum(rate(errors_total[1m]))'",
      '    direction: increase',
    );
    // Deployed at 09:59:46 (off the grid): 10:00:00 reads from 09:59:00 and 10:00:30 from 09:59:30.
    const [check] = planRun(spec, DEPLOY - 14).checks;
    expect(check?.lookback).toBe(60);
    expect(check?.candidate.range.start).toBe(DEPLOY + 60);
    expect(check!.candidate.range.start - 60).toBeGreaterThanOrEqual(DEPLOY - 14);
    expect(check?.baseline.range.end).toBeLessThanOrEqual(DEPLOY - 14);
  });

  it('never lets an offset baseline reach past the deploy when the aligned post window ends later than its nominal end', () => {
    const spec = specFrom(
      'version: 1',
      'baseline: {window: 10m, offset: 10m}',
      'defaults: {step: 1m}',
      ...TOP.slice(1),
      ...QUERY_CHECK,
    );
    // Deployed at 09:59:46: the post window is 10:00 .. 10:10; 10 minutes earlier is 10:00, whose
    // point reads the minute up to 10:00, after the deploy. The baseline ends at 09:59 instead.
    const [check] = planRun(spec, DEPLOY - 14).checks;
    expect(check?.baseline.range.end).toBe(DEPLOY - 60);
    expect(check?.baseline.range.end).toBeLessThanOrEqual(DEPLOY - 14);
  });

  it('plans four queries for a count check, each range one step in so the points tile the window', () => {
    const planned = planRun(specFrom(...TOP, ...COUNT_CHECK), DEPLOY).checks[0];
    // A point at t counts (t - 30s, t]: the post window's first point is at deploy + 30s, so it holds no pre-deploy event.
    const baseline = { start: DEPLOY - 1800 + 30, end: DEPLOY, step: 30 };
    const post = { start: DEPLOY + 30, end: DEPLOY + 600, step: 30 };
    expect(planned?.mode).toBe('before-after');
    expect(planned?.baseline).toEqual({
      source: 'prom',
      query: 'sum(increase(requests_total{code="500"}[30s]))',
      range: baseline,
    });
    expect(planned?.candidate).toEqual({
      source: 'prom',
      query: 'sum(increase(requests_total{code="500"}[30s]))',
      range: post,
    });
    expect(planned?.denominators).toEqual({
      baseline: { source: 'prom', query: 'sum(increase(requests_total[30s]))', range: baseline },
      candidate: { source: 'prom', query: 'sum(increase(requests_total[30s]))', range: post },
    });
  });

  it('carries the spec warnings, and --dry-run shows them with all four count queries', () => {
    const spec = specFrom(
      ...TOP,
      ...COUNT_CHECK,
      '  - name: rate',
      '    source: prom',
      "    query: 'sum(rate(x[5m]))'",
      '    direction: increase',
    );
    const plan = planRun(spec, DEPLOY);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings?.[0]).toMatch(
      /^spec\.yaml:12:12: check "rate": the step \(30s\) is shorter than the \[5m\] range of rate\(\)/,
    );
    const text = renderDryRun(spec, plan, { prom: fakeSource });
    expect(text).toContain('errors (counts, before-after, critical');
    expect(text.match(/numerator|denominator/g)).toHaveLength(4);
    expect(text).toContain('warnings:\n  spec.yaml:12:12');
  });

  it('has no warnings field for a spec without any', () => {
    expect(planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY).warnings).toBeUndefined();
  });
});
