import { renderHuman } from '../../../src/report/human.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

// Any CSI escape sequence (colours, cursor movement).
const ANSI = /\u001b\[/;

describe('renderHuman', () => {
  const plain = renderHuman(buildRunResult(), { color: false });

  test('without colour: the key numbers and no ANSI codes', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).toContain('FAIL  error ratio: mean up 240% (tolerance 10%), p < 0.001');
    expect(plain).toContain('FAIL {route="/pay"}');
    expect(plain).toContain('n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001');
    expect(plain).toContain('-1.2% [-5.0%, +2.0%]  p = 0.734');
  });

  test('with colour: ANSI codes, and the same text once they are stripped', () => {
    const coloured = renderHuman(buildRunResult(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('a non-critical inconclusive check is a warning, with its error and unmatched series', () => {
    expect(plain).toContain('WARN  queue depth (non-critical, inconclusive): too few samples in the post window (3 < 10)');
    expect(plain).toContain('error: Thanos answered with partial data');
    expect(plain).toContain('n 60 -> 3  median 12k -> n/a  p95 150k -> n/a  change n/a  p n/a  7 NaN/Inf dropped');
    expect(plain).toContain('unmatched, only in candidate: {queue="orders-v2"}');
    expect(plain).toContain('unmatched, only in baseline: {pod="checkout-7d9f-abc", route="/old"}');
  });

  test('ends with the verdict, the counts, the windows and what the exit code means', () => {
    const lastLines = plain.trimEnd().split('\n').slice(-3);
    expect(lastLines).toEqual([
      'FAIL  1 failed, 1 inconclusive, 1 passed of 3 checks (1 non-critical warning)',
      '      baseline 2026-11-26T09:30:00Z -> 10:00:00Z, post 10:01:00Z -> 10:11:00Z',
      '      exit 1: at least one critical check found a regression',
    ]);
  });

  test('an inconclusive run mapped to exit 1 by --on-inconclusive says so', () => {
    const text = renderHuman(buildRunResult({ verdict: 'inconclusive', exitCode: 1 }), { color: false });
    expect(text).toContain('exit 1: inconclusive, treated as a failure (--on-inconclusive fail)');
  });

  test('series lines of ordinary labels fit in about 100 columns', () => {
    const widest = Math.max(...plain.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  test('a wide check lists the regressed series and counts the passing ones', () => {
    const text = renderHuman(buildRunResult({ checks: [buildWideCheck(40, [3, 17])] }), { color: false });
    expect(text).toContain('FAIL {route="/r3"}');
    expect(text).toContain('FAIL {route="/r17"}');
    expect(text).not.toContain('{route="/r4"}');
    expect(text).toContain('and 38 more series passed');
  });

  test('control characters from a server cannot reach the terminal', () => {
    const text = renderHuman(buildHostileRunResult(), { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('ctl="bell\\u0007 esc\\u001b[31m nl\\n"');
    expect(text).toContain('median 0 -> +Inf  p95 0 -> -Inf  +Inf% [n/a, +Inf%]  p n/a');
  });
});
