import { judgeRun } from '../../../src/judge/judge-run.js';
import type { CheckResult, Verdict } from '../../../src/types.js';

function checkResult(name: string, verdict: Verdict, critical = true): CheckResult {
  return { name, verdict, critical, reason: `${name} is ${verdict}`, series: [], unmatched: { baseline: [], candidate: [] } };
}

describe('judgeRun', () => {
  test.each([
    { checks: [checkResult('a', 'pass'), checkResult('b', 'pass')], verdict: 'pass', exitCode: 0, why: 'every critical check passed' },
    { checks: [checkResult('a', 'pass'), checkResult('b', 'fail')], verdict: 'fail', exitCode: 1, why: 'one critical regression fails the run' },
    { checks: [checkResult('a', 'inconclusive'), checkResult('b', 'pass')], verdict: 'inconclusive', exitCode: 3, why: 'could not measure is never pass' },
    { checks: [checkResult('a', 'inconclusive'), checkResult('b', 'fail')], verdict: 'fail', exitCode: 1, why: 'fail outranks inconclusive' },
    { checks: [checkResult('a', 'pass'), checkResult('w', 'fail', false)], verdict: 'pass', exitCode: 0, why: 'a non-critical failure only warns' },
    { checks: [checkResult('w', 'pass', false)], verdict: 'inconclusive', exitCode: 3, why: 'no critical check: nothing gates the run, so it cannot pass' },
    { checks: [], verdict: 'inconclusive', exitCode: 3, why: 'no checks at all: nothing was judged' },
  ] as const)('$why -> $verdict ($exitCode)', ({ checks, verdict, exitCode }) => {
    const result = judgeRun([...checks]);
    expect([result.verdict, result.exitCode]).toEqual([verdict, exitCode]);
  });

  test('non-critical failing and inconclusive checks become warnings with their reasons', () => {
    const result = judgeRun([checkResult('gate', 'pass'), checkResult('cpu', 'fail', false), checkResult('mem', 'inconclusive', false)]);
    expect(result.warnings).toEqual([
      'non-critical check "cpu" failed: cpu is fail',
      'non-critical check "mem" was inconclusive: mem is inconclusive',
    ]);
  });

  test('zero critical checks explains itself in a warning', () => {
    expect(judgeRun([checkResult('w', 'pass', false)]).warnings).toEqual([
      'no check is critical: nothing gates this run, so it is inconclusive rather than pass',
    ]);
  });
});
