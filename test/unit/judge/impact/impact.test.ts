/**
 * Impact: excess events of count checks (with an interval that carries the baseline rate's
 * uncertainty and the dispersion) and the share of post points above the baseline p95 of value
 * checks, and how every report format words them.
 */
import { countImpact } from '../../../../src/judge/impact/count-impact.js';
import { shareAboveBaselineP95, withValueImpact } from '../../../../src/judge/impact/value-impact.js';
import { judgeCountCheck } from '../../../../src/judge/count/judge-count-check.js';
import { renderReport } from '../../../../src/reports/index.js';
import { describeImpact } from '../../../../src/reports/impact-text.js';
import { renderAnnotations } from '../../../../src/reports/github-actions.js';
import { redactDeep } from '../../../../src/redact.js';
import { check } from '../helpers/series.js';
import { buildRunResult, buildSeries } from '../../../fixtures/reports/run-result.js';
import type { Impact, Point, Series } from '../../../../src/types.js';

const at = (values: readonly number[], start: number): Series => ({
  labels: {},
  points: values.map((v, i) => ({ t: start + 30 * i, v })),
});

test('excess events: candidate events minus the baseline rate times its traffic, sd from both sides', () => {
  // 260 events where 200 were expected (0.5% of 40,000) from a baseline of 300 events: the expected
  // count varies by 200 (the window itself) + 200^2 / 300 (the baseline's rate): sd 18.3.
  const impact = countImpact({
    events: 260,
    expected: 200,
    baselineEvents: 300,
    trialRatio: 40_000 / 60_000,
    dispersion: [1, 1],
    confidence: 0.95,
  });
  expect(impact).toMatchObject({ kind: 'excess-events', excess: 60, expected: 200, events: 260, confidence: 0.95 });
  const sd = Math.sqrt(200 + (200 * 200) / 300);
  const [low, high] = (impact as Extract<Impact, { kind: 'excess-events' }>).interval;
  expect(low).toBeCloseTo(60 - 1.959964 * sd, 3);
  expect(high).toBeCloseTo(60 + 1.959964 * sd, 3);
});

test('a dispersion of 4 on both sides doubles the interval: bursts and drift make the count less certain', () => {
  const input = { events: 260, expected: 200, baselineEvents: 300, trialRatio: 2 / 3, confidence: 0.95 };
  const plain = countImpact({ ...input, dispersion: [1, 1] }) as Extract<Impact, { kind: 'excess-events' }>;
  const dispersed = countImpact({ ...input, dispersion: [4, 4] }) as Extract<Impact, { kind: 'excess-events' }>;
  const width = (i: [number, number]): number => i[1] - i[0];
  expect(width(dispersed.interval)).toBeCloseTo(2 * width(plain.interval), 6);
});

test('a failing count check reports its excess events through the judge', () => {
  // 0.5% of 1000 requests a step before; 1.3% of 2000 after (20 steps): 520 events, 200 expected.
  const result = judgeCountCheck(
    check({ name: 'errors', query: undefined, numerator: 'e', denominator: 'r' }),
    { numerator: [at(Array<number>(60).fill(5), 0)], denominator: [at(Array<number>(60).fill(1000), 0)] },
    { numerator: [at(Array<number>(20).fill(26), 3000)], denominator: [at(Array<number>(20).fill(2000), 3000)] },
    'before-after',
  );
  const series = result.series[0]!;
  expect(series.verdict).toBe('fail');
  expect(series.impact).toMatchObject({ kind: 'excess-events', excess: 320, expected: 200, events: 520 });
});

const points = (values: readonly number[]): Point[] => values.map((v, i) => ({ t: i, v }));

test('share above the baseline p95: 40 baseline points 1..40 (p95 38.05), 10 post points of which 4 above', () => {
  const baseline = points(Array.from({ length: 40 }, (_, i) => i + 1));
  const impact = shareAboveBaselineP95(baseline, points([1, 5, 10, 20, 30, 38, 39, 40, 41, 100]));
  expect(impact).toEqual({
    kind: 'share-above-baseline-p95',
    share: 0.4,
    above: 4,
    points: 10,
    threshold: 38.05,
    basis: 'points',
  });
});

test('no value impact where the data do not allow it: fewer than 20 baseline points, or a check against decreases', () => {
  expect(shareAboveBaselineP95(points([1, 2, 3]), points([4, 5]))).toBeNull();
  const result = buildSeries({}, { verdict: 'fail' });
  const pair = { baseline: points(Array.from({ length: 40 }, (_, i) => i)), candidate: points([100]) };
  expect(withValueImpact(result, pair, { direction: 'decrease' }).impact).toBeUndefined();
  expect(withValueImpact(result, pair, { direction: 'increase' }).impact).toMatchObject({ share: 1 });
});

describe('every report format words the impact of a series that did not pass', () => {
  const excess: Impact = {
    kind: 'excess-events',
    excess: 339.6,
    interval: [281.2, 409.7],
    confidence: 0.95,
    expected: 860,
    events: 1199.6,
  };
  const words = 'about 340 more events than the baseline rate predicts (95% CI 281 to 410; 1200 events, 860 expected)';

  test('the sentence', () => {
    expect(describeImpact(excess)).toBe(words);
    expect(describeImpact({ ...excess, excess: -12.2, interval: [-40, 15] })).toMatch(
      /^about 12 fewer events than the baseline rate predicts \(95% CI -40 to 15;/,
    );
  });

  const withImpact = (verdict: 'fail' | 'pass') => {
    const result = buildRunResult();
    result.checks[0]!.series[0] = { ...result.checks[0]!.series[0]!, verdict, impact: excess };
    return result;
  };

  test.each(['human', 'markdown', 'html', 'junit'] as const)(
    '%s: shown for a failing series, not for a passing one',
    (format) => {
      const html = (text: string): string => (format === 'html' ? text.replace(/'/g, '&#39;') : text);
      expect(renderReport(format, withImpact('fail'), { color: false })).toContain(html(`impact: ${words}`));
      expect(renderReport(format, withImpact('pass'), { color: false })).not.toContain('impact: ');
    },
  );

  test('GitHub annotations: the failing series lines carry it', () => {
    expect(renderAnnotations(withImpact('fail')).join('\n')).toContain(`impact: ${words}`.replace('%', '%25'));
  });

  test('json: the numbers, for every series that has them', () => {
    const json = JSON.parse(renderReport('json', withImpact('pass'), { color: false }));
    expect(json.checks[0].series[0].impact).toEqual(excess);
  });
});

test('a secret inside an impact word ("baseline") leaves the word alone: reports branch on the kind', () => {
  // The redaction property test found it: `share-above-***-p95` is no kind a renderer knows.
  const impact: Impact = {
    kind: 'share-above-baseline-p95',
    share: 0.4,
    above: 8,
    points: 20,
    threshold: 1,
    basis: 'points',
  };
  expect(redactDeep({ impact, comparison: 'paired' }, ['baseline', 'paired', 'points'])).toEqual({
    impact,
    comparison: 'paired',
  });
});
