/**
 * Series found on one side only: each row states the data, the direction, the expected verdict of
 * the check and of the one-sided series, and why. A series that appears or vanishes at the deploy
 * is judged against 0 when the direction makes that meaningful, and is otherwise inconclusive:
 * never listed and left out of the verdict.
 */
import type { CheckMode } from '../../../src/judge/check-mode.js';
import { judgeCheck } from '../../../src/judge/judge-check.js';
import { judgeCountCheck } from '../../../src/judge/count/judge-count-check.js';
import type { CheckSpec } from '../../../src/spec-model.js';
import type { Series, Verdict } from '../../../src/types.js';
import { draw, seededRandom } from './helpers/random.js';
import { check, series } from './helpers/series.js';

const random = seededRandom(1212);
const normal = (count: number, mean: number, sd: number): number[] =>
  draw(count, () => Math.max(0, random.normal(mean, sd)));
const zeros = (count: number): number[] => Array<number>(count).fill(0);
/** A post-window series: 20 points 30 s apart, starting after 60 baseline points. */
const post = (values: readonly number[], labels: Record<string, string>): Series => ({
  labels,
  points: values.map((v, i) => ({ t: 1_700_000_000 + 30 * (60 + i), v })),
});

interface Row {
  name: string;
  baseline: Series[];
  candidate: Series[];
  settings?: Partial<CheckSpec>;
  mode?: CheckMode;
  /** The check's verdict. */
  verdict: Verdict;
  /** The one-sided series' labels, verdict and reason. */
  oneSided: {
    labels: Record<string, string>;
    verdict: Verdict;
    presence: 'baseline-only' | 'candidate-only';
    reason: RegExp;
  };
  why: string;
}

const errorsOn = (route: string, code: string, count: number, mean: number): Series =>
  series(normal(count, mean, mean / 5), { route, code });

const rows: Row[] = [
  {
    name: 'a 500 on /pay that did not exist before the deploy',
    baseline: [errorsOn('/cart', '503', 60, 0.02)],
    candidate: [
      post(normal(20, 0.02, 0.004), { route: '/cart', code: '503' }),
      post(normal(20, 0.5, 0.1), { route: '/pay', code: '500' }),
    ],
    verdict: 'fail',
    oneSided: {
      labels: { route: '/pay', code: '500' },
      verdict: 'fail',
      presence: 'candidate-only',
      reason:
        /^only after the deploy, judged against 0 before it: shift \+0\.\d+ from a baseline of 0, beyond tolerance 10% \(p = /,
    },
    why: 'an error rate that appears is an increase from 0: 20 values around 0.5/s against 60 zeros is a clear regression',
  },
  {
    name: "a new error series that stays at 0 (a new pod's counter, never incremented)",
    baseline: [errorsOn('/cart', '503', 60, 0.02)],
    candidate: [
      post(normal(20, 0.02, 0.004), { route: '/cart', code: '503' }),
      post(zeros(20), { route: '/pay', code: '500' }),
    ],
    verdict: 'pass',
    oneSided: {
      labels: { route: '/pay', code: '500' },
      verdict: 'pass',
      presence: 'candidate-only',
      reason: /^only after the deploy, judged against 0 before it: .*not significant \(p = 1/,
    },
    why: 'zeros against zeros: nothing changed',
  },
  {
    name: 'throughput of /search vanishes after the deploy (direction decrease)',
    baseline: [series(normal(60, 100, 5), { route: '/cart' }), series(normal(60, 40, 3), { route: '/search' })],
    candidate: [post(normal(20, 100, 5), { route: '/cart' })],
    settings: { direction: 'decrease' },
    verdict: 'fail',
    oneSided: {
      labels: { route: '/search' },
      verdict: 'fail',
      presence: 'baseline-only',
      reason: /^only before the deploy, judged against 0 after it: shift -100% .*beyond tolerance 10%/,
    },
    why: 'throughput that vanishes is a decrease to 0',
  },
  {
    name: 'direction either judges a series that appears',
    baseline: [series(normal(60, 100, 5), { route: '/cart' })],
    candidate: [post(normal(20, 100, 5), { route: '/cart' }), post(normal(20, 30, 3), { route: '/new' })],
    settings: { direction: 'either' },
    verdict: 'fail',
    oneSided: {
      labels: { route: '/new' },
      verdict: 'fail',
      presence: 'candidate-only',
      reason: /^only after the deploy, judged against 0 before it: .*beyond tolerance/,
    },
    why: 'any change is bad for `either`, and an appearance is a change from 0',
  },
  {
    name: 'a series that appears in a check for decreases',
    baseline: [series(normal(60, 100, 5), { route: '/cart' })],
    candidate: [post(normal(20, 100, 5), { route: '/cart' }), post(normal(20, 30, 3), { route: '/new' })],
    settings: { direction: 'decrease' },
    verdict: 'inconclusive',
    oneSided: {
      labels: { route: '/new' },
      verdict: 'inconclusive',
      presence: 'candidate-only',
      reason: /^only after the deploy: a series that appears is no decrease.*ignoreLabels/,
    },
    why: 'an appearance is not a decrease, and without a baseline the new values cannot be compared: not pass',
  },
  {
    name: 'a latency series that vanishes in a check for increases',
    baseline: [series(normal(60, 0.2, 0.02), { route: '/cart' }), series(normal(60, 0.3, 0.02), { route: '/old' })],
    candidate: [post(normal(20, 0.2, 0.02), { route: '/cart' })],
    verdict: 'inconclusive',
    oneSided: {
      labels: { route: '/old' },
      verdict: 'inconclusive',
      presence: 'baseline-only',
      reason: /^only before the deploy: a series that vanishes is no increase/,
    },
    why: 'a latency that vanishes did not fall to 0: nothing can be measured after the deploy, so not pass',
  },
  {
    name: 'a series that appears above max, even with a noisy start',
    baseline: [series(normal(60, 0.001, 0.0002), { route: '/cart' })],
    candidate: [post(normal(20, 0.001, 0.0002), { route: '/cart' }), post(normal(20, 0.05, 0.01), { route: '/pay' })],
    settings: { max: 0.01 },
    verdict: 'fail',
    oneSided: {
      labels: { route: '/pay' },
      verdict: 'fail',
      presence: 'candidate-only',
      reason: /^only after the deploy, judged against 0 before it: mean 0\.0\d+ above max 0\.01/,
    },
    why: '`max` bounds the post window whatever the baseline was',
  },
  {
    name: 'canary: a series only the canary query returns',
    baseline: [
      post(normal(20, 0.01, 0.002), { track: 'stable', route: '/cart' }),
      post(normal(20, 0.01, 0.002), { track: 'stable', route: '/pay' }),
    ],
    candidate: [
      post(normal(20, 0.01, 0.002), { track: 'canary', route: '/cart' }),
      post(normal(20, 0.01, 0.002), { track: 'canary', route: '/pay' }),
      post(normal(20, 0.2, 0.02), { track: 'canary', route: '/new' }),
    ],
    mode: 'canary',
    verdict: 'fail',
    oneSided: {
      labels: { route: '/new' },
      verdict: 'fail',
      presence: 'candidate-only',
      reason: /^only in the candidate query, judged against 0 in the baseline query: /,
    },
    why: 'the same rule holds between the two queries of a canary check',
  },
];

describe('judgeCheck: series on one side only', () => {
  test.each(rows)('$name -> $verdict', ({ baseline, candidate, settings, mode, verdict, oneSided, why }) => {
    const result = judgeCheck(check(settings), baseline, candidate, mode ?? 'before-after');
    expect({ verdict: result.verdict, why }).toEqual({ verdict, why });
    const found = result.series.find((s) => s.presence !== undefined);
    expect({ labels: found?.labels, verdict: found?.verdict, presence: found?.presence }).toEqual({
      labels: oneSided.labels,
      verdict: oneSided.verdict,
      presence: oneSided.presence,
    });
    expect(found?.reason).toMatch(oneSided.reason);
    // Listed too, by labels, and named in the check's reason.
    const side = oneSided.presence === 'candidate-only' ? 'candidate' : 'baseline';
    expect(result.unmatched[side]).toEqual([oneSided.labels]);
    expect(result.reason).toMatch(
      /series only (after|before) the deploy|series only in the (candidate|baseline) query/,
    );
  });

  test('the zeros stand at the steps where the query answered on the other side', () => {
    const result = judgeCheck(
      check(),
      [errorsOn('/cart', '503', 60, 0.02)],
      [
        post(normal(20, 0.02, 0.004), { route: '/cart', code: '503' }),
        post(normal(20, 0.5, 0.1), { route: '/pay', code: '500' }),
      ],
      'before-after',
    );
    const found = result.series.find((s) => s.presence === 'candidate-only');
    expect(found?.baseline).toMatchObject({ n: 60, mean: 0, median: 0 });
    expect(found?.samples?.baseline.map((p) => p.t)).toEqual(series(zeros(60)).points.map((p) => p.t));
  });

  test('pods replaced at the deploy pair up once `pod` is ignored: nothing is one-sided', () => {
    const result = judgeCheck(
      check({ ignoreLabels: ['pod'] }),
      [
        series(normal(60, 0.2, 0.02), { route: '/a', pod: 'old-1' }),
        series(normal(60, 0.2, 0.02), { route: '/a', pod: 'old-2' }),
        series(normal(60, 0.2, 0.02), { route: '/b', pod: 'old-1' }),
      ],
      [
        post(normal(20, 0.2, 0.02), { route: '/a', pod: 'new-1' }),
        post(normal(20, 0.2, 0.02), { route: '/b', pod: 'new-1' }),
      ],
      'before-after',
    );
    expect(result.series.map((s) => s.presence)).toEqual([undefined, undefined]);
    expect(result.unmatched).toEqual({ baseline: [], candidate: [] });
    expect(result.verdict).toBe('pass');
  });

  test('pods replaced at the deploy without ignoreLabels: every pod is one-sided and the reason says to ignore the label', () => {
    const result = judgeCheck(
      check(),
      [series(normal(60, 0.2, 0.02), { pod: 'old-1' }), series(normal(60, 0.2, 0.02), { pod: 'old-2' })],
      [post(normal(20, 0.2, 0.02), { pod: 'new-1' }), post(normal(20, 0.2, 0.02), { pod: 'new-2' })],
      'before-after',
    );
    expect(result.verdict).not.toBe('pass');
    expect(result.reason).toMatch(
      /no series matched between baseline and candidate by their labels, consider ignoreLabels$/,
    );
    expect(result.series).toHaveLength(4);
  });
});

describe('judgeCountCheck: series on one side only', () => {
  const countCheck = (settings: Partial<CheckSpec> = {}): CheckSpec =>
    check({ name: 'errors', query: undefined, numerator: 'e', denominator: 'r', tolerance: 0.25, ...settings });
  const requests = (count: number, route: string): Series => series(Array<number>(count).fill(200), { route });
  const postRequests = (route: string): Series => post(Array<number>(20).fill(200), { route });

  test('errors on a route that had traffic but no errors before are 0 events before: a regression', () => {
    const result = judgeCountCheck(
      countCheck(),
      {
        numerator: [series(Array<number>(60).fill(1), { route: '/cart' })],
        denominator: [requests(60, '/cart'), requests(60, '/pay')],
      },
      {
        numerator: [
          post(Array<number>(20).fill(1), { route: '/cart' }),
          post(Array<number>(20).fill(20), { route: '/pay' }),
        ],
        denominator: [postRequests('/cart'), postRequests('/pay')],
      },
      'before-after',
    );
    expect(result.verdict).toBe('fail');
    expect(result.series.find((s) => s.labels['route'] === '/pay')).toMatchObject({
      verdict: 'fail',
      baseline: { events: 0, trials: 12000 },
      candidate: { events: 400 },
    });
  });

  test('a route whose traffic exists only after the deploy is inconclusive for lack of a baseline, not left out', () => {
    const result = judgeCountCheck(
      countCheck(),
      { numerator: [series(Array<number>(60).fill(1), { route: '/cart' })], denominator: [requests(60, '/cart')] },
      {
        numerator: [
          post(Array<number>(20).fill(1), { route: '/cart' }),
          post(Array<number>(20).fill(20), { route: '/new' }),
        ],
        denominator: [postRequests('/cart'), postRequests('/new')],
      },
      'before-after',
    );
    const found = result.series.find((s) => s.labels['route'] === '/new');
    expect(found).toMatchObject({ verdict: 'inconclusive', presence: 'candidate-only', rule: 'low-traffic' });
    expect(found?.reason).toMatch(/^only after the deploy: too little traffic: baseline 0 events in 0/);
    expect(result.verdict).toBe('inconclusive');
  });

  test('a numerator series without a denominator of the same labels is inconclusive, never dropped', () => {
    // The numerator keeps `code`, the denominator does not: the errors have no traffic to be judged against.
    const result = judgeCountCheck(
      countCheck(),
      {
        numerator: [
          series(Array<number>(60).fill(1), { route: '/cart', code: '500' }),
          series(Array<number>(60).fill(1), { route: '/cart', code: '503' }),
        ],
        denominator: [requests(60, '/cart')],
      },
      {
        numerator: [
          post(Array<number>(20).fill(50), { route: '/cart', code: '500' }),
          post(Array<number>(20).fill(50), { route: '/cart', code: '503' }),
        ],
        denominator: [postRequests('/cart')],
      },
      'before-after',
    );
    expect(result.verdict).toBe('inconclusive');
    const unjudged = result.series.filter((s) => s.rule === 'no-denominator');
    expect(unjudged).toHaveLength(4);
    expect(unjudged[0]?.reason).toMatch(/make both queries aggregate by the same labels$/);
  });
});
