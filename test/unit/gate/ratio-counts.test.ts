/** Ratio queries of counts: derived as numerator/denominator where the PromQL is unambiguous, offered where it may be, left alone otherwise. */
import { planRun } from '../../../src/gate/plan.js';
import { clipCheckToNow } from '../../../src/gate/partial.js';
import { describeRatioWatch, ratioCountParts, ratioOffer } from '../../../src/gate/ratio-counts.js';
import { describeRatio } from '../../../src/gate/dry-run.js';
import { watchedAs } from '../../../src/gate/ratio-watch.js';
import { specFrom } from './spec-fixture.js';

describe('ratioCountParts', () => {
  test.each([
    [
      'errors out of requests of one counter: derived, counted per 15 s step',
      'sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
      {
        kind: 'derived',
        numerator: 'sum(increase(http_requests_total{code=~"5.."}[15s]))',
        denominator: 'sum(increase(http_requests_total[15s]))',
      },
    ],
    [
      'the same grouping on both sides, and a shared matcher: derived per route',
      'sum by (route) (rate(http_requests_total{job="a", code=~"5.."}[1m])) / sum by (route) (rate(http_requests_total{job="a"}[1m]))',
      {
        kind: 'derived',
        numerator: 'sum by (route) (increase(http_requests_total{job="a", code=~"5.."}[15s]))',
        denominator: 'sum by (route) (increase(http_requests_total{job="a"}[15s]))',
      },
    ],
    [
      'two different counters: they may count the same events, but the query cannot say: offered',
      '(sum(rate(errors_total[1m])) / sum(rate(requests_total[1m])))',
      {
        kind: 'offer',
        numerator: 'sum(increase(errors_total[15s]))',
        denominator: 'sum(increase(requests_total[15s]))',
      },
    ],
    [
      'the numerator selects events the denominator does not (a matcher of its own on each side): offered',
      'sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total{job="a"}[1m]))',
      {
        kind: 'offer',
        numerator: 'sum(increase(http_requests_total{code="500"}[15s]))',
        denominator: 'sum(increase(http_requests_total{job="a"}[15s]))',
      },
    ],
  ])('%s', (_, query, expected) => {
    expect(ratioCountParts(query, 15)).toEqual(expected);
  });

  test.each([
    [
      'a mean latency (a sum of seconds over a count) is no ratio of events',
      'sum(rate(x_sum[1m])) / sum(rate(x_count[1m]))',
    ],
    ['on() decides the pairing itself', 'sum(rate(a_total{code="500"}[1m])) / on() sum(rate(a_total[1m]))'],
    [
      'series by series without sum(): the labels of the two sides differ',
      'rate(a_total{code="500"}[1m]) / rate(a_total[1m])',
    ],
    ['a quantile', 'histogram_quantile(0.95, sum by (le) (rate(x_bucket[1m])))'],
    ['not a division', 'sum(rate(a_total[1m])) * 2'],
  ])('%s: left alone', (_, query) => {
    expect(ratioCountParts(query, 15)).toBeNull();
  });
});

const spec = (query: string, direction = 'increase', ...more: string[]) =>
  specFrom(
    'version: 1',
    'defaults: {step: 15s}',
    'sources:',
    '  prom: {type: prometheus, url: "http://127.0.0.1:9090"}',
    'checks:',
    '  - name: error ratio',
    '    source: prom',
    `    query: '${query}'`,
    `    direction: ${direction}`,
    ...more,
  );

describe('a ratio of counts in the plan', () => {
  const DEPLOY = 1_800_000_000;
  const ratio = 'sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total[1m]))';

  test('the check keeps its query for the final test; its looks read the derived counts from the first step after the deploy', () => {
    const planned = planRun(spec(ratio), DEPLOY).checks[0]!;
    expect(planned.candidate.query).toBe(ratio);
    // The ratio's 1m range keeps its first post point a minute after the deploy; the counts' 15 s range does not.
    expect(planned.candidate.range.start).toBe(DEPLOY + 60);
    const watch = planned.countWatch!;
    expect(watch.candidate.query).toBe('sum(increase(http_requests_total{code="500"}[15s]))');
    expect(watch.denominators!.candidate.query).toBe('sum(increase(http_requests_total[15s]))');
    expect(watch.candidate.range.start).toBe(DEPLOY + 15);
    // A look 40 s after the deploy reads the counts up to its last whole step.
    const looked = watchedAs(planned, clipCheckToNow(planned, DEPLOY + 40), DEPLOY + 40);
    expect(looked.planned).toBe(watch);
    expect(looked.clipped.candidate.range.end).toBe(DEPLOY + 30);
  });

  test('a plan cut at a moment cuts the count watch there too (a replay of a cut run reads no later counts)', () => {
    const planned = planRun(spec(ratio), DEPLOY).checks[0]!;
    const cut = clipCheckToNow(planned, DEPLOY + 40);
    expect(cut.countWatch!.candidate.range.end).toBe(DEPLOY + 30);
    expect(cut.countWatch!.denominators!.candidate.range.end).toBe(DEPLOY + 30);
  });

  test('a check that is no ratio of counts is looked at as it is', () => {
    const planned = planRun(spec('histogram_quantile(0.95, sum by (le) (rate(x_bucket[1m])))'), DEPLOY).checks[0]!;
    expect(planned.countWatch).toBeUndefined();
    expect(watchedAs(planned, planned, DEPLOY).planned).toBe(planned);
  });

  test('an ambiguous ratio is offered in words, with the queries to paste', () => {
    const check = spec('sum(rate(errors_total[1m])) / sum(rate(requests_total[1m]))').checks[0]!;
    expect(ratioOffer(check)).toEqual([
      'check "error ratio": this ratio could be written as numerator/denominator for faster and exact count tests:',
      "  numerator: 'sum(increase(errors_total[15s]))'",
      "  denominator: 'sum(increase(requests_total[15s]))'",
    ]);
  });
});

describe('what validate and --dry-run say of a ratio of counts', () => {
  const ratio = 'sum(rate(http_requests_total{code="500"}[1m])) / sum(rate(http_requests_total[1m]))';
  const DEPLOY = 1_800_000_000;

  test('a critical check with a one-sided direction is watched as counts while run waits', () => {
    const [line] = describeRatioWatch(spec(ratio).checks[0]!);
    expect(line).toContain('watched as counts while run waits');
    expect(describeRatio(planRun(spec(ratio), DEPLOY).checks[0]!).join('\n')).toContain(
      'watched as counts while waiting',
    );
  });

  // Only critical checks with direction increase or decrease get the looks (early-stop-watched.ts):
  // the others are judged once, at the end of the window, on the query as written.
  test.each([
    ['increase', ['    critical: false'], 'not watched while run waits (a non-critical check cannot stop a run)'],
    ['either', [], 'not watched while run waits (direction: either is not watched)'],
  ])('direction %s, %j: never watched, and validate and --dry-run say so', (direction, more, words) => {
    const text = spec(ratio, direction, ...more);
    const lines = describeRatioWatch(text.checks[0]!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('watched as counts');
    expect(lines[0]).toContain(words);
    expect(lines[0]).toContain('judged once, at the end of the window, on the query as written');
    const dry = describeRatio(planRun(text, DEPLOY).checks[0]!).join('\n');
    expect(dry).not.toContain('watched as counts');
    expect(dry).toContain(words);
  });
});
