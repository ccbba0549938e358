/**
 * schema/report.schema.json describes exactly what json.ts writes: real reports (fixtures, the
 * judge's own results on stated data, a result with every optional field) validate against a
 * strict copy of it, every property it lists is written by some report, and it rejects what the
 * interface forbids.
 */
import { DECISION_RULES } from '../../../src/program-words.js';
import { judgeCheck, judgeCountCheck, judgeRun } from '../../../src/judge/index.js';
import { renderJson } from '../../../src/reports/json.js';
import type { CheckResult, RunResult, SeriesResult, Verdict, CheckErrorKind } from '../../../src/types.js';
import { buildHostileRunResult, buildRunResult, buildSeries } from '../../fixtures/reports/run-result.js';
import { check, series } from '../judge/helpers/series.js';
import { REPORT_SCHEMA, strictErrors, validateOpen } from './report-schema.js';

function runResultOf(checks: CheckResult[]): RunResult {
  const verdict = judgeRun(checks);
  return {
    version: 1,
    name: 'judged',
    verdict: verdict.verdict,
    exitCode: verdict.exitCode,
    deployedAt: '2023-11-14T22:13:20Z',
    windows: {
      baseline: { start: '2023-11-14T21:43:20Z', end: '2023-11-14T22:13:20Z' },
      post: { start: '2023-11-14T22:13:20.500Z', end: '2023-11-14T22:23:20Z' },
    },
    checks: verdict.checks,
    notes: verdict.notes,
    durationSeconds: 1.25,
  };
}

/** Every optional field of the result set, so the strict schema sees every property json.ts can write. */
function buildMaximalResult(): RunResult {
  const result = buildRunResult();
  const first = result.checks[0]!;
  first.notes = ['the baseline trends upwards'];
  first.error = 'one of two backends timed out';
  first.errorKind = 'timeout';
  first.decidedAfter = 90;
  first.decidedAt = Date.parse(result.deployedAt) / 1000 + 150;
  first.series[0] = buildSeries(
    { route: '/pay' },
    {
      verdict: 'fail',
      test: 'binomial',
      baseline: {
        n: 60,
        mean: 0.002,
        median: 0.002,
        p95: 0.004,
        nan: 1,
        infinite: 2,
        nEffective: 31.5,
        events: 12,
        trials: 6000,
        rate: 0.002,
        dispersion: 1.4,
      },
      candidate: {
        n: 20,
        mean: 0.01,
        median: 0.01,
        p95: 0.02,
        nan: 0,
        infinite: 0,
        nEffective: 20,
        events: 20,
        trials: 2000,
        rate: 0.01,
        dispersion: 0.9,
      },
      pValueAdjusted: 0.00003,
      alpha: 0.05,
      intervalConfidence: 0.9,
      comparison: 'paired',
      impact: {
        kind: 'excess-events',
        excess: 16,
        interval: [10.5, 21.5],
        confidence: 0.95,
        expected: 4,
        events: 20,
      },
      rule: 'beyond-tolerance',
      presence: 'candidate-only',
      notes: ['12 repeated points'],
      samples: { baseline: [{ t: 1, v: 0.002 }], candidate: [{ t: 2, v: 0.01 }] },
      history: {
        seconds: 86400,
        moments: 140,
        spread: 0.26,
        withinWindow: 0.3,
        decided: false,
        shortfall: 'too short',
      },
    },
  );
  // A value series with the other kind of impact, so the strict schema sees its fields too.
  first.series.push(
    buildSeries(
      { route: '/slow' },
      {
        impact: {
          kind: 'share-above-baseline-p95',
          share: 0.4,
          above: 8,
          points: 20,
          threshold: 0.42,
          basis: 'points',
        },
      },
    ),
  );
  result.reportErrors = [{ path: 'gate.html', error: 'ENOSPC: no space left on device' }];
  result.cutShort = 'interrupted before the post window ended';
  // A wrapped run whose deploy was judged a fail and rolled back; its deploy time was detected.
  const ran = { startedAt: 1700000000.2, endedAt: 1700000003.4, signal: null, outputTail: 'deployed v2' };
  result.commands = {
    deploy: { argv: ['./deploy.sh', 'v2'], exitCode: null, ...ran, error: 'spawn EACCES', interruptedBy: 'SIGINT' },
    rollback: {
      argv: ['./rollback.sh'],
      exitCode: null,
      ...ran,
      error: 'spawn ./rollback.sh ENOENT',
      interruptedBy: 'SIGTERM',
      because: 'fail',
    },
    rollbackNote: 'not rolled back: the run was interrupted',
  };
  result.detected = {
    source: 'prom',
    query: 'app_build_info',
    how: 'version',
    at: 1700000000,
    detail: 'version change',
  };
  // One note of every kind, so the strict schema sees every field a note can carry.
  result.notes = [
    { kind: 'non-critical-check', check: 'queue depth', verdict: 'fail', reason: 'mean up 40%' },
    { kind: 'no-checks' },
    { kind: 'no-critical-check' },
    { kind: 'cut-short', cause: { kind: 'interrupted' } },
    { kind: 'cut-short', cause: { kind: 'interrupted-sampling' } },
    {
      kind: 'cut-short',
      cause: {
        kind: 'wait-limit',
        limit: '--no-wait',
        judgedAt: 1700000100,
        readyAt: 1700000600,
        deployedAt: 1700000000,
      },
    },
    {
      kind: 'cut-short',
      cause: { kind: 'early-stop', at: 1700000100, readyAt: 1700000600, check: 'errors', deployedAt: 1700000000 },
    },
    { kind: 'backend-warning', check: 'errors', text: 'partial response' },
    { kind: 'point-density', check: 'errors', side: 'post', labels: { a: 'b' }, points: 115, room: 20, step: 30 },
    { kind: 'spec', text: 'a spec warning' },
    { kind: 'environment', text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
    { kind: 'snapshot', path: 'base.json', takenAt: '2023-11-14T21:00:00Z' },
    {
      kind: 'sampled-windows',
      baseline: { start: 1699996400, end: 1700000000 },
      candidate: { start: 1700000000, end: 1700000600 },
    },
    { kind: 'spec-fault', requests: 2, message: 'HTTP 400 bad_data' },
    { kind: 'non-critical-spec-fault', check: 'queue depth', message: 'HTTP 403' },
    { kind: 'inconclusive-policy', because: 'cut-short', cutShort: 'interrupted before the post window ended' },
    { kind: 'inconclusive-policy', because: 'unread-source', checks: ['errors'], errorKind: 'timeout' },
  ];
  return result;
}

/** Every property path the schema lists, as `checks[].series[].baseline.events`. */
function schemaPaths(
  schema: Record<string, unknown>,
  defs: Record<string, Record<string, unknown>>,
  prefix = '',
): string[] {
  const resolved = typeof schema.$ref === 'string' ? defs[schema.$ref.replace('#/$defs/', '')]! : schema;
  const paths: string[] = [];
  const properties = (resolved.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, sub] of Object.entries(properties)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    paths.push(path);
    const target = typeof sub.$ref === 'string' ? defs[sub.$ref.replace('#/$defs/', '')]! : sub;
    const items = target.items as Record<string, unknown> | undefined;
    if (target.properties !== undefined) paths.push(...schemaPaths(target, defs, path));
    else if (items !== undefined) paths.push(...schemaPaths(items, defs, `${path}[]`));
  }
  return paths;
}

/** Every property path a JSON value has, in the same notation (labels' own keys left out: they are data). */
function valuePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuePaths(item, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  if (/(^|\.)labels$|unmatched\.(baseline|candidate)\[\]$/.test(prefix)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...valuePaths(child, path)];
  });
}

// One key per member of each union: a member added to src/types.ts and not here fails to compile,
// so the schema's enums are compared with the types' real members below.
const TESTS: Record<SeriesResult['test'], true> = {
  'mann-whitney': true,
  'paired-t': true,
  binomial: true,
  'sequential-binomial': true,
  'sequential-mixture': true,
  none: true,
};
const VERDICTS: Record<Verdict, true> = { pass: true, fail: true, inconclusive: true };
const ERROR_KINDS: Record<CheckErrorKind, true> = {
  network: true,
  endpoint: true,
  timeout: true,
  http: true,
  protocol: true,
  query: true,
  auth: true,
  limit: true,
  interrupted: true,
};
const EXIT_CODES: Record<RunResult['exitCode'], true> = { 0: true, 1: true, 2: true, 3: true };

describe('schema/report.schema.json', () => {
  test('its enums are exactly the members of the types json.ts writes', () => {
    const defs = REPORT_SCHEMA.$defs as Record<string, any>;
    const sorted = (values: unknown[]): string[] => values.map(String).sort();
    expect(sorted(defs.series.properties.test.enum)).toEqual(sorted(Object.keys(TESTS)));
    expect(sorted(defs.verdict.enum)).toEqual(sorted(Object.keys(VERDICTS)));
    expect(sorted(defs.check.properties.errorKind.enum)).toEqual(sorted(Object.keys(ERROR_KINDS)));
    expect(sorted(defs.series.properties.rule.enum)).toEqual(sorted(Object.keys(DECISION_RULES)));
    expect(sorted((REPORT_SCHEMA.properties as Record<string, any>).exitCode.enum)).toEqual(
      sorted(Object.keys(EXIT_CODES)),
    );
  });

  test.each([
    ['a failing run with a warning', buildRunResult()],
    ['NaN and ±Infinity written as null, hostile labels', buildHostileRunResult()],
    [
      'a run without a name or checks',
      (() => {
        const r = buildRunResult({ checks: [], verdict: 'inconclusive', exitCode: 3 });
        delete r.name;
        return r;
      })(),
    ],
    ['every optional field set', buildMaximalResult()],
  ])('fixture: %s is valid against the strict schema', (_, result) => {
    expect(strictErrors(renderJson(result))).toEqual([]);
  });

  test("the judge's own results on stated data are valid: a clear regression, an unchanged series, missing data and a count check", () => {
    // /pay: every post point (0.0065-0.0072) is above every baseline point (0.0018-0.0022): Mann-Whitney p << 0.05,
    // +240% beyond the 10% tolerance -> fail. /cart: the same 3 values on both sides -> pass. A NaN and an +Inf point
    // in the baseline are dropped and counted. /old is in the baseline only: for an increase check a
    // vanishing series means nothing, so it is inconclusive (listed with its verdict).
    const pay = {
      b: [...Array.from({ length: 58 }, (_, i) => [0.0018, 0.0022, 0.002][i % 3]!), Number.NaN, Infinity],
      c: Array.from({ length: 20 }, (_, i) => [0.0065, 0.0072, 0.0068][i % 3]!),
    };
    const cart = Array.from({ length: 20 }, (_, i) => [0.2, 0.21, 0.19][i % 3]!);
    const points = judgeCheck(
      check({ name: 'error ratio' }),
      [series(pay.b, { route: '/pay' }), series(cart, { route: '/cart' }), series(cart, { route: '/old' })],
      [series(pay.c, { route: '/pay' }), series(cart, { route: '/cart' })],
      'before-after',
    );
    expect(points.verdict).toBe('fail');
    expect(points.series.map((s) => [s.labels.route, s.verdict])).toEqual([
      ['/pay', 'fail'],
      ['/cart', 'pass'],
      ['/old', 'inconclusive'],
    ]);
    expect(points.series[0]?.baseline).toMatchObject({ nan: 1, infinite: 1 });
    // No post data at all: nothing to judge, inconclusive (never pass).
    const missing = judgeCheck(check({ name: 'latency', critical: false }), [series(cart)], [], 'before-after');
    expect(missing.verdict).toBe('inconclusive');
    // Counts: 10 errors in 6000 requests before, 40 in 2000 after: 0.17% -> 2%, exact binomial p << 0.05 -> fail.
    const counts = judgeCountCheck(
      check({ name: 'errors', query: undefined, numerator: 'e', denominator: 'r' }),
      {
        numerator: [series(Array.from({ length: 60 }, (_, i) => (i % 6 === 0 ? 1 : 0)))],
        denominator: [series(Array.from({ length: 60 }, () => 100))],
      },
      {
        numerator: [series(Array.from({ length: 20 }, () => 2))],
        denominator: [series(Array.from({ length: 20 }, () => 100))],
      },
      'before-after',
    );
    expect(counts.verdict).toBe('fail');
    expect(counts.series[0]?.test).toBe('binomial');
    // Canary: the candidate query reads 50-52% above the baseline query at every one of the same 30
    // timestamps: paired by timestamp, the ratio's bound is far beyond the tolerance -> fail, paired.
    const stable = Array.from({ length: 30 }, (_, i) => [0.2, 0.21, 0.19][i % 3]!);
    const canary = judgeCheck(
      check({ name: 'canary latency' }),
      [series(stable)],
      [series(stable.map((v, i) => v * (1.5 + 0.02 * (i % 2))))],
      'canary',
    );
    expect(canary.series[0]).toMatchObject({ verdict: 'fail', comparison: 'paired', test: 'paired-t' });
    const json = renderJson(runResultOf([points, missing, counts, canary]));
    expect(strictErrors(json)).toEqual([]);
    // The Holm adjustment ran over the run's tests, so the adjusted p and alpha are in the report too.
    expect(JSON.parse(json).checks[0].series[0]).toMatchObject({
      pValueAdjusted: expect.any(Number),
      alpha: 0.05,
      rule: 'beyond-tolerance',
    });
  });

  test('every property the schema lists is written by a report, and every one written is listed', () => {
    const schema = REPORT_SCHEMA as Record<string, unknown>;
    const listed = new Set(schemaPaths(schema, schema.$defs as Record<string, Record<string, unknown>>));
    const written = new Set(
      [buildMaximalResult(), buildRunResult()].flatMap((r) => valuePaths(JSON.parse(renderJson(r)))),
    );
    expect([...listed].filter((path) => !written.has(path))).toEqual([]);
    expect([...written].filter((path) => !listed.has(path))).toEqual([]);
  });

  test('the published schema is open: a field added in a later release still validates; the strict copy refuses it', () => {
    const report = JSON.parse(renderJson(buildRunResult()));
    report.checks[0].addedLater = true;
    expect(validateOpen(report)).toBe(true);
    expect(strictErrors(JSON.stringify(report))).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
  });

  test.each([
    ['an unknown verdict', (r: Record<string, any>) => void (r.checks[0].verdict = 'ok')],
    ['a p-value written as a string', (r: Record<string, any>) => void (r.checks[0].series[0].pValue = 'NaN')],
    ['a missing exit code', (r: Record<string, any>) => void delete r.exitCode],
    ['exit code 4 (an internal error writes no report)', (r: Record<string, any>) => void (r.exitCode = 4)],
    [
      'an interval of three numbers',
      (r: Record<string, any>) => void (r.checks[0].series[0].relativeChangeInterval = [1, 2, 3]),
    ],
    ['a time without a timezone', (r: Record<string, any>) => void (r.deployedAt = '2026-11-26T10:00:00')],
    ['a label value that is not a string', (r: Record<string, any>) => void (r.checks[0].series[0].labels.code = 500)],
  ])('rejects %s', (_, spoil) => {
    const report = JSON.parse(renderJson(buildRunResult()));
    spoil(report);
    expect(validateOpen(report)).toBe(false);
  });
});
