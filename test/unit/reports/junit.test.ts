import { renderJunit } from '../../../src/reports/junit.js';
import type { CheckResult } from '../../../src/types.js';
import {
  buildHostileRunResult,
  buildRunResult,
  buildSeries,
  buildWideCheck,
} from '../../fixtures/reports/run-result.js';
import { findAll, parseXml, type XmlElement } from './xml.js';

/** The counts a suite claims must be the counts of its children, or CI summaries lie. */
function expectCountsMatchChildren(root: XmlElement): void {
  const [suite] = findAll(root, 'testsuite');
  const cases = findAll(root, 'testcase');
  const withChild = (name: string): number =>
    cases.filter((c) => c.children.some((child) => child.name === name)).length;
  expect(suite?.attrs).toMatchObject({
    tests: String(cases.length),
    failures: String(withChild('failure')),
    errors: String(withChild('error')),
    skipped: String(withChild('skipped')),
  });
  expect(root.attrs).toMatchObject({
    tests: String(cases.length),
    failures: String(withChild('failure')),
    errors: String(withChild('error')),
  });
}

describe('renderJunit', () => {
  test('is well-formed: one testcase per single-series check, one per series of a check with several, consistent counts', () => {
    const root = parseXml(renderJunit(buildRunResult()));
    expect(root.name).toBe('testsuites');
    const [suite] = findAll(root, 'testsuite');
    // error ratio has 2 series (one failed), the two other checks one each (queue depth is a non-critical warning).
    expect(suite?.attrs).toMatchObject({
      name: 'checkout',
      tests: '4',
      failures: '1',
      errors: '0',
      skipped: '1',
      time: '12.500',
    });
    expect(findAll(root, 'testcase').map((c) => c.attrs.name)).toEqual([
      'error ratio {route="/pay"}',
      'error ratio {route="/cart"}',
      'canary p95 latency',
      'queue depth',
    ]);
    expectCountsMatchChildren(root);
  });

  test('every testcase has what the readers need: name, classname and a numeric time', () => {
    // dorny/test-reporter parseFloat()s testcase time; Jenkins and GitLab group by classname.
    for (const testcase of findAll(parseXml(renderJunit(buildRunResult())), 'testcase')) {
      expect(testcase.attrs).toMatchObject({ name: expect.any(String), classname: 'verify-deploy.checkout' });
      expect(Number.isFinite(Number.parseFloat(testcase.attrs.time ?? ''))).toBe(true);
    }
  });

  test('a failing series carries its reason as the message and all its numbers in the body', () => {
    const result = buildRunResult();
    Object.assign(result.checks[0]!.series[0]!, { pValueAdjusted: 0.00012, alpha: 0.05, rule: 'beyond-tolerance' });
    const failure = findAll(parseXml(renderJunit(result)), 'failure')[0];
    expect(failure?.attrs).toEqual({ message: 'mean up 240% (tolerance 10%)', type: 'regression' });
    expect(failure?.text.split('\n')).toEqual([
      'critical check "error ratio", verdict fail: mean up 240% (tolerance 10%), p < 0.001',
      'unmatched, only in baseline: {pod="checkout-7d9f-abc", route="/old"}',
      'FAIL {route="/pay"}: mean up 240% (tolerance 10%)',
      '  baseline:  n 60, mean 0.002, median 0.002, p95 0.004',
      '  candidate: n 20, mean 0.0068, median 0.0065, p95 0.009',
      '  change +240.0% [+180.2%, +310.5%]; mann-whitney p < 0.001, Holm-adjusted p < 0.001; alpha 0.05',
      '  rule: beyond-tolerance',
    ]);
  });

  test('the passing series of the same check is a passing testcase with its numbers in system-out', () => {
    const cart = findAll(parseXml(renderJunit(buildRunResult())), 'testcase')[1];
    expect(cart?.children.map((c) => c.name)).toEqual(['system-out']);
    expect(cart?.children[0]?.text).toContain('change -1.2% [-5.0%, +2.0%]; mann-whitney p = 0.734');
  });

  test('count checks show events, trials and the rate of each side', () => {
    const result = buildRunResult();
    result.checks[1]!.series[0] = buildSeries(
      {},
      {
        verdict: 'fail',
        test: 'binomial',
        baseline: {
          n: 60,
          mean: 0.002,
          median: 0.002,
          p95: 0.004,
          nan: 0,
          infinite: 0,
          events: 12,
          trials: 6000,
          rate: 0.002,
          dispersion: 1.1,
        },
        candidate: {
          n: 20,
          mean: 0.01,
          median: 0.01,
          p95: 0.02,
          nan: 0,
          infinite: 0,
          events: 20,
          trials: 2000,
          rate: 0.01,
        },
        pValue: 0.00001,
        reason: 'error rate up 400%',
      },
    );
    result.checks[1]!.verdict = 'fail';
    const failures = findAll(parseXml(renderJunit(result)), 'failure');
    expect(failures[1]?.text).toContain(
      '  baseline:  n 60, events 12, trials 6000, rate 0.002, dispersion 1.1, mean 0.002',
    );
    expect(failures[1]?.text).toContain('  candidate: n 20, events 20, trials 2000, rate 0.01, mean 0.01');
  });

  test('a critical inconclusive check is an <error>, never skipped or passed (exit 3 is not a pass)', () => {
    const result = buildRunResult();
    const check = result.checks[2] as CheckResult;
    check.critical = true;
    const root = parseXml(renderJunit({ ...result, verdict: 'fail' }));
    const error = findAll(root, 'error')[0];
    expect(error?.attrs).toEqual({ message: 'too few samples in the post window (3 < 10)', type: 'inconclusive' });
    expect(error?.text).toContain('error: Thanos answered with partial data');
    expect(findAll(root, 'skipped')).toHaveLength(0);
    expect(findAll(root, 'testsuite')[0]?.attrs.errors).toBe('1');
  });

  test('a non-critical check that did not pass is skipped with a warning, so CI does not turn red for it', () => {
    const skipped = findAll(parseXml(renderJunit(buildRunResult())), 'skipped')[0];
    expect(skipped?.attrs.message).toBe(
      'non-critical check was inconclusive: too few samples in the post window (3 < 10)',
    );
  });

  test('a non-critical check with several series: each failing series is skipped, not failed', () => {
    const wide = buildWideCheck(3, [1]);
    wide.critical = false;
    const root = parseXml(renderJunit(buildRunResult({ checks: [wide] })));
    expect(findAll(root, 'failure')).toHaveLength(0);
    const skipped = findAll(root, 'testcase').filter((c) => c.children.some((child) => child.name === 'skipped'));
    expect(skipped.map((c) => c.attrs.name)).toEqual(['latency by route {route="/r1"}']);
    expectCountsMatchChildren(root);
  });

  test('a check whose verdict no series carries gets a testcase of its own, so CI is never greener than the exit code', () => {
    // Both series passed, but a fault made the check inconclusive after judging.
    const check: CheckResult = {
      ...buildWideCheck(2, []),
      verdict: 'inconclusive',
      reason: 'the backend returned partial data',
      error: 'partial response',
    };
    const root = parseXml(renderJunit(buildRunResult({ checks: [check], verdict: 'inconclusive', exitCode: 3 })));
    expect(findAll(root, 'testcase').map((c) => c.attrs.name)).toEqual([
      'latency by route',
      'latency by route {route="/r0"}',
      'latency by route {route="/r1"}',
    ]);
    expect(findAll(root, 'error')[0]?.attrs).toEqual({
      message: 'the backend returned partial data',
      type: 'inconclusive',
    });
    expectCountsMatchChildren(root);
  });

  test('a check with no series at all (no data) is one testcase carrying its verdict', () => {
    const check: CheckResult = {
      name: 'errors',
      verdict: 'inconclusive',
      critical: true,
      reason: 'no data in the post window',
      series: [],
      unmatched: { baseline: [{ job: 'api' }], candidate: [] },
    };
    const root = parseXml(renderJunit(buildRunResult({ checks: [check], verdict: 'inconclusive', exitCode: 3 })));
    expect(findAll(root, 'testcase').map((c) => c.attrs.name)).toEqual(['errors']);
    expect(findAll(root, 'error')[0]?.text).toContain('unmatched, only in baseline: {job="api"}');
  });

  test('run facts are properties', () => {
    const properties = findAll(parseXml(renderJunit(buildRunResult())), 'property');
    const byName = Object.fromEntries(properties.map((p) => [p.attrs.name, p.attrs.value]));
    expect(byName).toMatchObject({
      verdict: 'fail',
      exitCode: '1',
      deployedAt: '2026-11-26T10:00:00Z',
      'post.end': '2026-11-26T10:11:00Z',
    });
  });

  test('escapes < & " in names, messages and labels, and keeps no character XML forbids', () => {
    const xml = renderJunit(buildHostileRunResult());
    const root = parseXml(xml); // throws on a bare <, a bare &, a broken attribute or a control character
    const testcase = findAll(root, 'testcase')[0];
    expect(testcase?.attrs.name).toBe('errors <&> "quoted" | piped');
    expect(findAll(root, 'testsuite')[0]?.attrs.name).toBe('pay & <ship>');
    const failure = findAll(root, 'failure')[0];
    expect(failure?.attrs.message).toBe('baseline mean is 0 & candidate > 0: <b>infinite</b> change');
    expect(failure?.text).toContain('route="<script>alert(\\"x\\")</script>"');
    expect(failure?.text).toContain('ctl="bell\\u0007 esc\\u001b[31m nl\\n"');
    expect(xml).not.toContain('<script>');
    expect(findAll(root, 'testsuite')[0]?.attrs.time).toBe('0');
  });

  test('series labels in testcase names are escaped too', () => {
    const check = buildWideCheck(2, [0]);
    check.series[0]!.labels = { route: '</testcase><script>' };
    const root = parseXml(renderJunit(buildRunResult({ checks: [check] })));
    expect(findAll(root, 'testcase')[0]?.attrs.name).toBe('latency by route {route="</testcase><script>"}');
  });

  test('a wide check is one testcase per series: the failing one fails, the others pass', () => {
    const root = parseXml(renderJunit(buildRunResult({ checks: [buildWideCheck(40, [5])] })));
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(40);
    const failing = cases.filter((c) => c.children.some((child) => child.name === 'failure'));
    expect(failing.map((c) => c.attrs.name)).toEqual(['latency by route {route="/r5"}']);
    expect(failing[0]?.children[0]?.text).toContain('FAIL {route="/r5"}: median up 50%');
    expectCountsMatchChildren(root);
  });
});
