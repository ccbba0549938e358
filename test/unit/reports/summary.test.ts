import {
  countChecks,
  describeCounts,
  describeExitCode,
  displayVerdict,
  selectSeries,
} from '../../../src/reports/summary.js';
import { buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

test('displayVerdict: a non-critical check that did not pass is a warning', () => {
  expect(displayVerdict({ verdict: 'fail', critical: false })).toBe('WARN');
  expect(displayVerdict({ verdict: 'inconclusive', critical: false })).toBe('WARN');
  expect(displayVerdict({ verdict: 'pass', critical: false })).toBe('PASS');
  expect(displayVerdict({ verdict: 'inconclusive', critical: true })).toBe('INCONCLUSIVE');
});

test('countChecks counts by verdict and the non-critical warnings apart', () => {
  const counts = countChecks(buildRunResult());
  expect(counts).toEqual({ total: 3, passed: 1, failed: 1, inconclusive: 1, warned: 1 });
  expect(describeCounts(counts)).toBe('1 failed, 1 inconclusive, 1 passed of 3 checks (1 non-critical warning)');
});

test.each([
  ['pass', 0, 'exit 0: no critical check found a regression'],
  ['fail', 1, 'exit 1: at least one critical check found a regression'],
  ['inconclusive', 3, 'exit 3: inconclusive, too little data or a source could not be read (never a pass)'],
  ['inconclusive', 0, 'exit 0: inconclusive, treated as a pass (--on-inconclusive pass)'],
] as const)('describeExitCode(%s, %d)', (verdict, exitCode, expected) => {
  expect(describeExitCode({ verdict, exitCode })).toBe(expected);
});

describe('selectSeries', () => {
  test('up to 10 series are all shown', () => {
    const check = buildWideCheck(10, [2]);
    expect(selectSeries(check.series)).toEqual({ shown: check.series, hiddenPassed: 0, hiddenNotPassed: 0 });
  });

  test('beyond 10, only non-passing series are shown, capped', () => {
    const check = buildWideCheck(
      60,
      Array.from({ length: 30 }, (_, i) => i * 2),
    );
    const selection = selectSeries(check.series, 20);
    expect(selection.shown).toHaveLength(20);
    expect(selection.shown.every((s) => s.verdict === 'fail')).toBe(true);
    expect(selection).toMatchObject({ hiddenPassed: 30, hiddenNotPassed: 10 });
  });
});
