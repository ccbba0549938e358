import { renderJunit } from '../../../src/report/junit.js';
import type { CheckResult } from '../../../src/types.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';
import { findAll, parseXml } from './xml.js';

describe('renderJunit', () => {
  test('is well-formed with one testcase per check and counts that match the children', () => {
    const root = parseXml(renderJunit(buildRunResult()));
    expect(root.name).toBe('testsuites');
    const [suite] = findAll(root, 'testsuite');
    expect(suite?.attrs).toMatchObject({ name: 'checkout', tests: '3', failures: '1', errors: '0', skipped: '1', time: '12.500' });
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '1' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['error ratio', 'canary p95 latency', 'queue depth']);
    expect(findAll(root, 'failure')).toHaveLength(1);
    expect(findAll(root, 'skipped')).toHaveLength(1);
  });

  test('a critical failure carries the reason as its message and the series as its body', () => {
    const failure = findAll(parseXml(renderJunit(buildRunResult())), 'failure')[0];
    expect(failure?.attrs).toEqual({ message: 'mean up 240% (tolerance 10%), p < 0.001', type: 'regression' });
    expect(failure?.text).toContain('FAIL {route="/pay"}');
    expect(failure?.text).toContain('+240.0% [+180.2%, +310.5%]  p < 0.001');
    expect(failure?.text).toContain('unmatched, only in baseline: {pod="checkout-7d9f-abc", route="/old"}');
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
    expect(skipped?.attrs.message).toBe('non-critical check was inconclusive: too few samples in the post window (3 < 10)');
  });

  test('run facts are properties', () => {
    const properties = findAll(parseXml(renderJunit(buildRunResult())), 'property');
    const byName = Object.fromEntries(properties.map((p) => [p.attrs.name, p.attrs.value]));
    expect(byName).toMatchObject({ verdict: 'fail', exitCode: '1', deployedAt: '2026-11-26T10:00:00Z', 'post.end': '2026-11-26T10:11:00Z' });
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

  test('a wide check lists its failing series and counts the rest in the body', () => {
    const failure = findAll(parseXml(renderJunit(buildRunResult({ checks: [buildWideCheck(40, [5])] }))), 'failure')[0];
    expect(failure?.text).toContain('FAIL {route="/r5"}');
    expect(failure?.text).toContain('and 39 more series passed');
  });
});
