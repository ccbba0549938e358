import { renderHuman } from '../../../src/reports/human.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';
import { withSamples } from '../../fixtures/reports/samples.js';

// Any CSI escape sequence (colours, cursor movement).
const ANSI = /\u001b\[/;

describe('renderHuman', () => {
  const plain = renderHuman(buildRunResult(), { color: false });

  test('without colour: the key numbers and no ANSI codes', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).toContain('FAIL  error ratio: mean up 240% (tolerance 10%), p < 0.001');
    expect(plain).toContain('FAIL {route="/pay"}');
    expect(plain).toContain(
      'n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001',
    );
    expect(plain).toContain('-1.2% [-5.0%, +2.0%]  p = 0.734');
  });

  test('with colour: ANSI codes, and the same text once they are stripped', () => {
    const coloured = renderHuman(buildRunResult(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('a non-critical inconclusive check is a warning, with its error and unmatched series', () => {
    expect(plain).toContain(
      'WARN  queue depth (non-critical, inconclusive): too few samples in the post window (3 < 10)',
    );
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
    const widest = Math.max(
      ...plain
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.length),
    );
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

describe('renderHuman sparklines and summary table', () => {
  const unicode = renderHuman(withSamples(buildRunResult()), { color: false, unicode: true });
  const ascii = renderHuman(withSamples(buildRunResult()), { color: false, unicode: false });

  test('a series with points gets a sparkline: baseline and candidate on one scale, so the jump shows', () => {
    // /pay: 60 baseline points near 0.002, 20 post points near 0.0065; 8 points per glyph on both
    // sides (ceil(60 / 8), the summary row's drawing), each glyph their median; the scale is the
    // points' own range, which holds the medians the line above prints.
    expect(unicode).toContain(
      [
        '  FAIL {route="/pay"}: mean up 240% (tolerance 10%)',
        '       n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001',
        '       baseline ▁▁▁▁▁▁▁▁ | candidate ▇▇▇  0.0018..0.0072',
      ].join('\n'),
    );
    expect(ascii).toContain('       baseline ________ | candidate ***  0.0018..0.0072');
  });

  test('a summary table before the verdict: verdict word, check, change, p and the trend', () => {
    const lines = unicode.trimEnd().split('\n');
    const at = lines.indexOf('Summary');
    expect(lines.slice(at, at + 5)).toEqual([
      'Summary',
      '  verdict       check                      change  p        baseline | candidate',
      '  FAIL          error ratio               +240.0%  < 0.001  ▁▁▁▁▁▁▁▁ | ▇▇▇',
      '  PASS          canary p95 latency          +2.9%  0.123    ▅▅▅▅▅▅▅▃ | ▅▅▆',
      '  WARN          queue depth                   n/a  n/a      ▅▅▅▅▅▅▅▃ | ▅▅▆',
    ]);
    expect(lines[at + 5]).toBe('');
    expect(lines[at + 6]).toMatch(/^FAIL  1 failed/);
  });

  test('the summary shows the p the verdict was decided on: Holm-adjusted when there is one', () => {
    const result = buildRunResult();
    const latency = result.checks[1]!;
    latency.series[0]!.pValueAdjusted = 0.37;
    const row = renderHuman(result, { color: false })
      .split('\n')
      .find((line) => line.includes('canary p95 latency  '));
    expect(row).toBe('  PASS          canary p95 latency          +2.9%  0.370');
  });

  test('ASCII only without unicode, and every sparkline and summary line within 80 columns', () => {
    expect(ascii).not.toMatch(/[^\x00-\x7f]/);
    const drawn = [...unicode.split('\n'), ...ascii.split('\n')].filter((line) =>
      / \| candidate|^ {2}(FAIL|PASS|WARN|INCONCLUSIVE|verdict) {2,}/.test(line),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(2 * (4 + 4));
    for (const line of drawn) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('without samples: no sparkline line, and the summary row has no trend', () => {
    expect(plainWithoutSamples()).not.toMatch(/\| candidate \S/);
    expect(plainWithoutSamples()).toContain('\n  FAIL          error ratio               +240.0%  < 0.001\n');
  });

  test('a long check name is cut to its column with an ellipsis (~ in ASCII)', () => {
    const result = buildRunResult();
    result.checks[1]!.name = 'p95 latency of the checkout service behind the canary';
    expect(renderHuman(result, { color: false, unicode: true })).toContain(
      '  PASS          p95 latency of the che…     +2.9%',
    );
    expect(renderHuman(result, { color: false, unicode: false })).toContain(
      '  PASS          p95 latency of the che~     +2.9%',
    );
  });

  test('with colour the words stay: stripping the codes gives the plain text', () => {
    const coloured = renderHuman(withSamples(buildRunResult()), { color: true, unicode: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(unicode);
  });
});

function plainWithoutSamples(): string {
  return renderHuman(buildRunResult(), { color: false, unicode: true });
}

describe('renderHuman: when the verdict was reached', () => {
  test('a dated check says when on the one clock (after the deploy, with the wall time); inconclusive (null) says nothing', () => {
    const result = buildRunResult();
    // The post window opened a minute after the deploy (10:00:00Z); the verdict came 2m15s into it.
    result.checks[0]!.decidedAfter = 135;
    result.checks[0]!.decidedAt = Date.parse('2026-11-26T10:00:00Z') / 1000 + 195;
    result.checks[1]!.decidedAfter = null;
    result.checks[1]!.decidedAt = null;
    const text = renderHuman(result, { color: false });
    expect(text).toContain(
      'FAIL  error ratio: mean up 240% (tolerance 10%), p < 0.001\n  decided 3m15s after the deploy (10:03:15Z)\n',
    );
    expect(text.match(/decided /g)).toHaveLength(1);
  });
});
