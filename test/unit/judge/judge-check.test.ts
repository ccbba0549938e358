/**
 * The judge's table: each row states the data, the check settings, the expected verdict and why.
 * Data come from a seeded PRNG, so every run sees the same numbers.
 */
import type { CheckMode } from '../../../src/judge/check-mode.js';
import { judgeCheck } from '../../../src/judge/judge-check.js';
import type { CheckSpec } from '../../../src/spec-model.js';
import type { Series, Verdict } from '../../../src/types.js';
import { draw, seededRandom } from './helpers/random.js';
import { check, series } from './helpers/series.js';

const random = seededRandom(20261126);
const latency = (count: number, median: number, sigma = 0.1): number[] =>
  draw(count, () => random.lognormal(median, sigma));
const normal = (count: number, mean: number, sd: number): number[] => draw(count, () => random.normal(mean, sd));
const repeat = (count: number, value: number): number[] => Array<number>(count).fill(value);
const errorRatios = (count: number, shareNonZero: number): number[] =>
  draw(count, () => (random.uniform() < shareNonZero ? 0.001 + 0.01 * random.uniform() : 0));
const routes = ['/cart', '/login', '/pay', '/search', '/home'];

interface Row {
  name: string;
  baseline: Series[];
  candidate: Series[];
  settings?: Partial<CheckSpec>;
  mode?: CheckMode;
  verdict: Verdict;
  /** Why this verdict is the right one. */
  why: string;
  reason: RegExp;
}

const rows: Row[] = [
  {
    name: 'clear latency regression',
    baseline: [series(latency(60, 0.2))],
    candidate: [series(latency(20, 0.3))],
    verdict: 'fail',
    why: 'the median went up ~50% with 60 vs 20 points: significant and far beyond the 10% tolerance',
    reason: /^shift \+\d+\.\d% \[\+\d+\.\d%, \+\d+\.\d%\], beyond tolerance 10% \(p = \d\.\de-\d+\)$/,
  },
  {
    name: 'healthy: same distribution',
    baseline: [series(latency(60, 0.2))],
    candidate: [series(latency(20, 0.2))],
    verdict: 'pass',
    why: 'both windows come from the same distribution: no shift beyond the 10% tolerance shown (the p tests the tolerance edge, so it is near 1 here)',
    reason: /not significant \(p = (0\.\d+|1), needs < 0\.05\)$/,
  },
  {
    name: 'significant change inside the tolerance',
    baseline: [series(latency(600, 0.2, 0.05))],
    candidate: [series(latency(600, 0.206, 0.05))],
    verdict: 'pass',
    why: 'a +3% shift on 600 points is statistically certain but smaller than the 10% the check allows',
    reason: /^shift \+[23]\.\d% \[\+\d\.\d%, \+\d\.\d%\], within tolerance 10% \(p = /,
  },
  {
    name: 'big change, n = 5 each, too noisy to be significant',
    baseline: [series([0.1, 0.5, 0.2, 0.9, 0.3])],
    candidate: [series([0.14, 0.7, 0.28, 1.26, 0.12])],
    verdict: 'inconclusive',
    why: '5 + 5 points cannot show whether the series wanders slowly; with the conservative persistence assumed for such windows no p can reach 0.05, so the judge says so instead of passing on an uncorrected test',
    reason: /too short to tell slow wandering from a shift: 5 \+ 5 points .* the smallest possible p is/,
  },
  {
    name: 'big change, n = 3 each (minSamples lowered to 3)',
    baseline: [series([0.1, 0.11, 0.12])],
    candidate: [series([0.3, 0.31, 0.32])],
    settings: { minSamples: 3 },
    verdict: 'inconclusive',
    why: '3 + 3 points can show neither the persistence nor (even if independent: 1/C(6,3) = 0.05) a p below 0.05: the test cannot decide, so it is neither pass nor fail',
    reason: /too short to tell slow wandering from a shift: 3 \+ 3 points/,
  },
  {
    name: 'throughput drop, direction decrease',
    baseline: [series(normal(60, 1000, 30))],
    candidate: [series(normal(20, 700, 30))],
    settings: { direction: 'decrease' },
    verdict: 'fail',
    why: 'requests per second fell 30%, and a decrease is the bad direction',
    reason: /^shift -\d+\.\d% \[-\d+\.\d%, -\d+\.\d%\], beyond tolerance 10%/,
  },
  {
    name: 'throughput drop, direction increase',
    baseline: [series(normal(60, 1000, 30))],
    candidate: [series(normal(20, 700, 30))],
    verdict: 'pass',
    why: 'the one-sided test looks for an increase; a drop is no evidence of it',
    reason: /not significant \(p = 1/,
  },
  {
    name: 'direction either catches a drop',
    baseline: [series(normal(60, 1000, 30))],
    candidate: [series(normal(20, 700, 30))],
    settings: { direction: 'either' },
    verdict: 'fail',
    why: 'a two-sided test: any change beyond 10% either way is a regression',
    reason: /beyond tolerance 10%/,
  },
  {
    name: 'max bound broken without any change',
    baseline: [series(normal(60, 0.02, 0.001))],
    candidate: [series(normal(20, 0.02, 0.001))],
    settings: { max: 0.01 },
    verdict: 'fail',
    why: 'the post window mean is 0.02, above max 0.01: an absolute bound fails whatever the comparison says',
    reason: /^mean 0\.0\d+ above max 0\.01; shift -?\d\.\d% .*not significant/,
  },
  {
    name: 'max bound on p95 kept',
    baseline: [series(normal(60, 0.005, 0.001))],
    candidate: [series(normal(20, 0.005, 0.001))],
    settings: { max: 0.01, aggregate: 'p95' },
    verdict: 'pass',
    why: 'p95 is about 0.0065, under max 0.01, and nothing changed',
    reason: /; p95 0\.00\d+ within max 0\.01$/,
  },
  {
    name: 'min bound broken',
    baseline: [series(normal(60, 100, 5))],
    candidate: [series(normal(20, 95, 5))],
    settings: { direction: 'decrease', min: 98 },
    verdict: 'fail',
    why: 'throughput mean ~95 is below min 98 even though the 5% drop is inside the tolerance',
    reason: /^mean 9\d\.?\d* below min 98/,
  },
  {
    name: 'max bound fails even without a usable baseline',
    baseline: [series(repeat(30, Number.NaN))],
    candidate: [series(normal(20, 0.05, 0.001))],
    settings: { max: 0.01 },
    verdict: 'fail',
    why: 'an absolute bound needs the candidate only',
    reason: /^mean 0\.05\d* above max 0\.01$/,
  },
  {
    name: 'all NaN in the post window',
    baseline: [series(latency(60, 0.2))],
    candidate: [series(repeat(20, Number.NaN))],
    verdict: 'inconclusive',
    why: 'histogram_quantile with no traffic is NaN: nothing was measured, which is not a pass',
    reason: /^too few usable samples: baseline 60 of 60, candidate 0 of 20 \(20 NaN\); need 5 each$/,
  },
  {
    name: 'too few usable samples in the baseline',
    baseline: [series([...latency(3, 0.2), ...repeat(57, Number.NaN)])],
    candidate: [series(latency(20, 0.2))],
    verdict: 'inconclusive',
    why: 'only 3 usable baseline values, fewer than minSamples = 5',
    reason: /^too few usable samples: baseline 3 of 60 \(57 NaN\), candidate 20 of 20; need 5 each$/,
  },
  {
    name: '+Inf in the candidate, never in the baseline',
    baseline: [series(latency(60, 0.2))],
    candidate: [series([...latency(17, 0.2), Infinity, Infinity, Infinity])],
    verdict: 'inconclusive',
    why: 'histogram_quantile returns +Inf past the last bucket: latency beyond measurement, which cannot be compared as a number and must not pass',
    reason: /^candidate has 3 \+Inf value\(s\) the baseline never had/,
  },
  {
    name: '+Inf in the candidate when a decrease is what is bad',
    baseline: [series(normal(60, 1000, 30))],
    candidate: [series([...normal(17, 1000, 30), Infinity])],
    settings: { direction: 'decrease' },
    verdict: 'pass',
    why: '+Inf is not in the bad direction for a decrease check; the finite values show no drop',
    reason: /not significant/,
  },
  {
    name: 'all-zero error ratios on both sides',
    baseline: [series(repeat(60, 0))],
    candidate: [series(repeat(20, 0))],
    settings: { name: 'error ratio' },
    verdict: 'pass',
    why: 'no errors before and after: every value tied, p = 1',
    reason: /not significant \(p = 1, needs < 0\.05\)$/,
  },
  {
    name: 'zero baseline, positive candidate',
    baseline: [series(repeat(60, 0))],
    candidate: [series(normal(20, 0.02, 0.002))],
    settings: { name: 'error ratio' },
    verdict: 'fail',
    why: 'no relative change exists from 0, so any significant increase counts as beyond the tolerance',
    reason: /^shift \+0\.0\d+ from a baseline of 0, beyond tolerance 10% \(p = /,
  },
  {
    name: 'mostly-zero error ratios that turn frequent',
    baseline: [series(errorRatios(120, 0.05))],
    candidate: [series(errorRatios(60, 0.35))],
    settings: { name: 'error ratio' },
    verdict: 'fail',
    why: 'errors in 35% of the post points instead of 5%: with so many zeros the median of pairwise differences is 0, so the mean difference sizes the change',
    // The seeded draws happen to show a lag-1 rank autocorrelation of 0.15, which the reason now reports.
    reason: /^mean \+\d+%, beyond tolerance 10% \(p = \d\.\de-\d+\)(; points autocorrelated .*)?$/,
  },
  {
    name: 'no data in the baseline window',
    baseline: [],
    candidate: [series(latency(20, 0.2))],
    verdict: 'inconclusive',
    why: 'nothing to compare against',
    reason:
      /^no data in the baseline window: the query `q` returned no series there \(does the server's history reach back that far\? `verify-deploy check` shows how far it reaches\)$/,
  },
  {
    name: 'no data in the post window',
    baseline: [series(latency(60, 0.2))],
    candidate: [],
    verdict: 'inconclusive',
    why: 'nothing was measured after the deploy',
    reason:
      /^no data in the post window: the query `q` returned no series after the deploy \(is the new version scraped, under the same labels\?\)$/,
  },
  {
    name: 'no data at all',
    baseline: [],
    candidate: [],
    verdict: 'inconclusive',
    why: 'nothing was measured',
    reason:
      /^no data in the baseline window nor in the post window: the query `q` returned no series in either \(check the metric name and label values: an empty result is not an error to Prometheus\)$/,
  },
  {
    name: 'canary with no data for the candidate query',
    baseline: [series(latency(20, 0.2), { track: 'stable' })],
    candidate: [],
    mode: 'canary',
    verdict: 'inconclusive',
    why: 'the canary query returned nothing',
    reason:
      /^the candidate query `q` returned no data \(check the metric name and label values: an empty result is not an error to Prometheus\)$/,
  },
  {
    name: 'series on one side only are judged too (this row changed when they stopped being skipped)',
    baseline: [series(latency(60, 0.2), { route: '/a' }), series(latency(60, 0.2), { route: '/gone' })],
    candidate: [series(latency(20, 0.2), { route: '/a' }), series(latency(20, 0.2), { route: '/new' })],
    verdict: 'fail',
    why: '/a is healthy; /new appears after the deploy, which for an increase check is a rise from 0 (0.2 s against 60 zeros); /gone vanishes, which is no increase and cannot be measured after the deploy: inconclusive',
    reason:
      /^1 of 3 series regressed \(1 more inconclusive\): route=\/new: only after the deploy, judged against 0 before it: .*; 1 series only after the deploy and 1 only before it \(each judged on its own\)$/,
  },
  {
    name: 'nothing matches',
    baseline: [series(latency(60, 0.2), { route: '/a' }), series(latency(60, 0.2), { route: '/b' })],
    candidate: [series(latency(20, 0.2), { route: '/c' }), series(latency(20, 0.2), { route: '/d' })],
    verdict: 'fail',
    why: 'no pair: every series is one-sided; /c and /d appear (a rise from 0 for an increase check), /a and /b vanish (inconclusive); never a pass, and the reason suggests ignoreLabels',
    reason:
      /^2 of 4 series regressed \(2 more inconclusive\): .*; no series matched between baseline and candidate by their labels, consider ignoreLabels$/,
  },
  {
    name: 'canary: track label differs, routes pair up, /pay regresses',
    baseline: routes.slice(0, 3).map((route) => series(latency(20, 0.2), { track: 'stable', route })),
    candidate: routes
      .slice(0, 3)
      .map((route) => series(latency(20, route === '/pay' ? 0.5 : 0.2), { track: 'canary', route })),
    mode: 'canary',
    verdict: 'fail',
    why: 'track="stable" vs "canary" is dropped for matching; the canary /pay is 2.5x slower',
    reason: /^1 of 3 series regressed: route=\/pay: shift \+\d+%/,
  },
  {
    name: 'one route of five regresses',
    baseline: routes.map((route) => series(latency(60, 0.2), { route })),
    candidate: routes.map((route) => series(latency(20, route === '/pay' ? 0.45 : 0.2), { route })),
    verdict: 'fail',
    why: 'the check is as bad as its worst series; the reason names the series that regressed',
    reason: /^1 of 5 series regressed: route=\/pay: shift \+1\d\d% /,
  },
  {
    name: 'five healthy routes',
    baseline: routes.map((route) => series(latency(60, 0.2), { route })),
    candidate: routes.map((route) => series(latency(20, 0.2), { route })),
    verdict: 'pass',
    why: 'every route is within tolerance or shows no significant change',
    reason: /^all 5 series passed$/,
  },
];

describe('judgeCheck', () => {
  test.each(rows)('$name -> $verdict', ({ baseline, candidate, settings, mode, verdict, why, reason }) => {
    const result = judgeCheck(check(settings), baseline, candidate, mode ?? 'before-after');
    expect({ verdict: result.verdict, why }).toEqual({ verdict, why });
    expect(result.reason).toMatch(reason);
  });

  test('a failing series carries the test, p-value, relative change and its interval', () => {
    const result = judgeCheck(check(), [series(latency(60, 0.2))], [series(latency(20, 0.3))], 'before-after');
    const [only] = result.series;
    expect(only?.test).toBe('mann-whitney');
    expect(only?.pValue).toBeLessThan(1e-6);
    const [low, high] = only?.relativeChangeInterval ?? [Number.NaN, Number.NaN];
    expect(low).toBeLessThan(only?.relativeChange as number);
    expect(high).toBeGreaterThan(only?.relativeChange as number);
    expect(only?.relativeChange).toBeGreaterThan(0.3);
  });

  test('series on one side only are listed by their labels and judged with their presence', () => {
    const result = judgeCheck(
      check(),
      [series(latency(60, 0.2), { route: '/a' }), series(latency(60, 0.2), { route: '/gone' })],
      [series(latency(20, 0.2), { route: '/a' }), series(latency(20, 0.2), { route: '/new' })],
      'before-after',
    );
    expect(result.unmatched).toEqual({ baseline: [{ route: '/gone' }], candidate: [{ route: '/new' }] });
    expect(result.series.map((s) => [s.labels, s.presence])).toEqual([
      [{ route: '/a' }, undefined],
      [{ route: '/new' }, 'candidate-only'],
      [{ route: '/gone' }, 'baseline-only'],
    ]);
  });

  test('a baseline that trends +30%/hour gets a note suggesting baseline.offset; the verdict is left alone', () => {
    // 60 points 30 s apart rising 30% an hour with 2% noise; the post window continues the trend.
    const rising = (count: number, offset: number): number[] =>
      draw(count, () => 0).map((_, i) => 0.2 * Math.exp((0.3 * (offset + i) * 30) / 3600) * random.lognormal(1, 0.02));
    const baseline = series(rising(60, 0));
    const candidate = { labels: {}, points: rising(20, 60).map((v, i) => ({ t: 1_700_000_000 + 30 * (60 + i), v })) };
    const result = judgeCheck(check({ tolerance: 0.2 }), [baseline], [candidate], 'before-after');
    expect(result.notes?.[0]).toMatch(/^the baseline trends \+\d+\.\d% per hour \(Theil-Sen, p = .*baseline\.offset/);
    expect(result.series[0]?.notes).toEqual(result.notes);
  });

  test('autocorrelated healthy points (AR(1) phi 0.9) are counted as fewer effective samples', () => {
    let x = 0;
    const values = draw(80, () => (x = 0.9 * x + Math.sqrt(1 - 0.81) * random.normal())).map(
      (z) => 0.2 * Math.exp(0.3 * z),
    );
    const result = judgeCheck(
      check(),
      [series(values.slice(0, 60))],
      [{ labels: {}, points: values.slice(60).map((v, i) => ({ t: 1_700_000_000 + 30 * (60 + i), v })) }],
      'before-after',
    );
    const only = result.series[0]!;
    expect(only.baseline.nEffective).toBeLessThan(30);
    expect(only.candidate.nEffective).toBeLessThan(12);
    expect(only.reason).toMatch(/points autocorrelated \(lag-1 0\.\d+\): effective n [\d.]+ of 60 and [\d.]+ of 20/);
  });

  test('many exactly repeated points get a note about the step and the scrape interval', () => {
    const stepped = (count: number): number[] =>
      latency(Math.ceil(count / 4), 0.2)
        .flatMap((v) => [v, v, v, v])
        .slice(0, count);
    const result = judgeCheck(check(), [series(stepped(60))], [series(stepped(20))], 'canary');
    expect(result.series[0]?.notes?.[0]).toMatch(
      /repeat the previous value exactly: the step is probably shorter than the scrape interval/,
    );
  });

  test('summaries of an inconclusive series count NaN and report null statistics, never NaN', () => {
    const result = judgeCheck(check(), [series(latency(60, 0.2))], [series(repeat(20, Number.NaN))], 'before-after');
    expect(result.series[0]?.candidate).toEqual({ n: 0, mean: null, median: null, p95: null, nan: 20, infinite: 0 });
    expect(result.series[0]?.pValue).toBeNull();
  });
});
