/**
 * The count judge's table: per-step errors and requests, the expected verdict, and why. Data come
 * from a seeded PRNG; each step holds the events of one 30 s step (counted once).
 */
import { judgeCountCheck } from '../../../../src/judge/count/judge-count-check.js';
import type { Series, Verdict } from '../../../../src/types.js';
import type { CheckSpec } from '../../../../src/spec-model.js';
import { seededRandom } from '../helpers/random.js';
import { check, series } from '../helpers/series.js';

const random = seededRandom(424242);
const binomial = (n: number, p: number): number => {
  let k = 0;
  for (let i = 0; i < n; i++) if (random.uniform() < p) k++;
  return k;
};

/** `steps` steps of `perStep` requests with error rate `rate`; `burst` multiplies the rate of a random 1 step in 5 by 6. */
function side(
  steps: number,
  perStep: number,
  rate: number,
  burst = false,
): { numerator: Series[]; denominator: Series[] } {
  const requests = Array.from({ length: steps }, () => perStep);
  const errors = requests.map((n) =>
    binomial(n, Math.min(1, burst && random.uniform() < 0.2 ? rate * 6 : burst ? rate * 0.1 : rate)),
  );
  return { numerator: [series(errors)], denominator: [series(requests)] };
}

interface Row {
  name: string;
  baseline: { numerator: Series[]; denominator: Series[] };
  candidate: { numerator: Series[]; denominator: Series[] };
  settings?: Partial<CheckSpec>;
  verdict: Verdict;
  why: string;
  reason: RegExp;
}

const countCheck = (settings: Partial<CheckSpec> = {}): CheckSpec =>
  check({ name: 'errors', query: undefined, numerator: 'e', denominator: 'r', tolerance: 0.25, ...settings });

const rows: Row[] = [
  {
    name: '10x error rate',
    baseline: side(60, 200, 0.005),
    candidate: side(20, 200, 0.05),
    verdict: 'fail',
    why: '0.5% -> 5% errors over 4000 post requests: about 200 errors where 20 were expected, p far below 0.05 and +900% beyond the 25% tolerance',
    reason: /^rate 0\.00\d+ -> 0\.0\d+, \+\d+% \[\+\d+%, \+\d+%\], beyond tolerance 25% \(p = \d\.\de-\d+\)/,
  },
  {
    name: 'same error rate',
    baseline: side(60, 200, 0.005),
    candidate: side(20, 200, 0.005),
    verdict: 'pass',
    why: 'both windows err 0.5% of the time: the candidate holds its share of the errors',
    reason: /not significant \(p = 0\.\d+, needs < 0\.05\)/,
  },
  {
    name: 'low traffic, even with 10x errors',
    baseline: side(60, 1, 0.005),
    candidate: side(20, 2, 0.05),
    verdict: 'inconclusive',
    why: '40 post requests is below the default minTraffic of 100: no rate over so little traffic can be trusted either way',
    reason:
      /^too little traffic: baseline \d+ events in 60, candidate \d+ events in 40; need 100 trials each \(minTraffic\)$/,
  },
  {
    name: 'no errors at all on little traffic',
    baseline: side(60, 5, 0),
    candidate: side(20, 10, 0),
    verdict: 'inconclusive',
    why: '0 errors in 300 and 200 requests: a rate up to ~1.5% would often show no errors, so 0 = 0 proves little',
    reason: /^no events on either side/,
  },
  {
    name: 'no errors at all on plenty of traffic',
    baseline: side(60, 200, 0),
    candidate: side(20, 200, 0),
    verdict: 'pass',
    why: '0 errors in 12000 and 4000 requests: the candidate shows no errors with enough traffic to have seen some',
    reason: /not significant \(p = 1/,
  },
  {
    name: 'bursty healthy traffic',
    baseline: side(60, 500, 0.01, true),
    candidate: side(20, 500, 0.01, true),
    verdict: 'pass',
    why: 'errors come in bursts on both sides (1 step in 5 has 6x the rate): the dispersion deflates the counts, so bursts do not read as a regression',
    reason: /counts divided by their dispersion/,
  },
  {
    name: 'minTraffic set by the check',
    baseline: side(60, 200, 0.005),
    candidate: side(20, 200, 0.05),
    settings: { minTraffic: 10000 },
    verdict: 'inconclusive',
    why: 'the check asks for 10000 requests a side and the post window had 4000',
    reason: /need 10000 trials each/,
  },
  {
    name: 'max bound on the candidate rate',
    baseline: side(60, 200, 0.02),
    candidate: side(20, 200, 0.02),
    settings: { max: 0.01 },
    verdict: 'fail',
    why: 'the error rate is unchanged but 2% is above the absolute max of 1%',
    reason: /^rate 0\.0\d+ above max 0\.01; /,
  },
];

describe('judgeCountCheck', () => {
  test.each(rows)('$name -> $verdict', ({ baseline, candidate, settings, verdict, why, reason }) => {
    const result = judgeCountCheck(countCheck(settings), baseline, candidate, 'before-after');
    expect({ verdict: result.verdict, why }).toEqual({ verdict, why });
    expect(result.reason).toMatch(reason);
  });

  test('a failing count series carries the binomial test, the counts and the rate change with its interval', () => {
    const result = judgeCountCheck(countCheck(), side(60, 200, 0.005), side(20, 200, 0.05), 'before-after');
    const only = result.series[0]!;
    expect(only.test).toBe('binomial');
    expect(only.rule).toBe('beyond-tolerance');
    expect(only.baseline.trials).toBe(12000);
    expect(only.candidate.trials).toBe(4000);
    const [low, high] = only.relativeChangeInterval!;
    expect(low).toBeLessThan(only.relativeChange!);
    expect(high).toBeGreaterThan(only.relativeChange!);
  });

  test('routes: numerators paired with denominators by label; a route without an error series counts 0 errors', () => {
    const perRoute = (route: string, values: number[]): Series => series(values, { route });
    const baseline = {
      numerator: [perRoute('/pay', Array<number>(60).fill(1))],
      denominator: [perRoute('/pay', Array<number>(60).fill(200)), perRoute('/cart', Array<number>(60).fill(200))],
    };
    const candidate = {
      numerator: [perRoute('/pay', Array<number>(20).fill(10))],
      denominator: [perRoute('/pay', Array<number>(20).fill(200)), perRoute('/cart', Array<number>(20).fill(200))],
    };
    const result = judgeCountCheck(countCheck(), baseline, candidate, 'before-after');
    const verdicts = Object.fromEntries(result.series.map((s) => [s.labels.route, s.verdict]));
    // /pay: 0.5% -> 5%, a regression; /cart: no error series on either side, 12000 and 4000 requests: 0 = 0 passes.
    expect(verdicts).toEqual({ '/pay': 'fail', '/cart': 'pass' });
    expect(result.series.find((s) => s.labels.route === '/cart')?.notes?.[0]).toMatch(/counted as 0 events/);
  });

  test('no denominator data is inconclusive, never a pass', () => {
    const result = judgeCountCheck(
      countCheck(),
      { numerator: [], denominator: [] },
      side(20, 200, 0.005),
      'before-after',
    );
    expect(result.verdict).toBe('inconclusive');
  });
});
