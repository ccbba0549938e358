/**
 * The sequential count test over an error rate that drifts slowly (logit AR(1), phi 0.9, sd 0.3,
 * 5% errors at ~150 requests per 15 s step): the looks must widen their variance for the drift as
 * the fixed test does, or the drift reads as certainty within the window.
 */
import { firstCountStop } from '../../../../src/judge/sequential/first-count-stop.js';
import { lookAtSeries } from '../../../../src/judge/sequential/look-series.js';
import { sequentialDispersions } from '../../../../src/judge/sequential/sequential-dispersion.js';
import { estimateDispersion } from '../../../../src/judge/count/dispersion.js';
import type { CountSide, CountStep } from '../../../../src/judge/count/count-series.js';
import { seededRandom, type Random } from '../helpers/random.js';

const check = { direction: 'increase' as const, tolerance: 0.1 };

function binomial(random: Random, n: number, p: number): number {
  const mean = n * p;
  return Math.max(0, Math.min(n, Math.round(random.normal(mean, Math.sqrt(mean * (1 - p))))));
}

/** 120 baseline steps and `post` candidate steps whose error rate's logit is one AR(1) through both. */
function drifting(random: Random, post: number, ratio = 1): { baseline: CountSide; candidate: CountSide } {
  let x = random.normal();
  const steps: CountStep[] = [];
  for (let i = 0; i < 120 + post; i++) {
    const logit = Math.log(0.05 / 0.95) + 0.3 * x + (i >= 120 ? Math.log(ratio) : 0);
    steps.push({ t: 1_800_000_000 + 15 * i, events: binomial(random, 150, 1 / (1 + Math.exp(-logit))), trials: 150 });
    x = 0.9 * x + Math.sqrt(1 - 0.81) * random.normal();
  }
  const side = (s: CountStep[]): CountSide => ({ labels: {}, steps: s, dropped: 0, zeroFilled: 0 });
  return { baseline: side(steps.slice(0, 120)), candidate: side(steps.slice(120)) };
}

test('no change: the looks stop falsely within a 40-look window at most alpha of the time (before: 12.8%)', () => {
  const random = seededRandom(14_101);
  let stops = 0;
  for (let r = 0; r < 200; r++) {
    const { baseline, candidate } = drifting(random, 40);
    if (firstCountStop(check, baseline, candidate, 0.05) !== null) stops++;
  }
  expect(stops / 200).toBeLessThanOrEqual(0.05);
});

test("a look's dispersion carries the drift's long-run part: well above the steps' own chi-square over df", () => {
  const { baseline, candidate } = drifting(seededRandom(14_102), 40);
  const [db, dc] = sequentialDispersions(baseline.steps, candidate.steps);
  expect(db).toBeGreaterThan(2 * estimateDispersion(baseline.steps).dispersion);
  expect(dc).toBeGreaterThan(estimateDispersion(candidate.steps).dispersion);
});

test('the replay stops where the live look stops, drift included', () => {
  const random = seededRandom(14_103);
  let stopped = 0;
  for (let r = 0; r < 20; r++) {
    const { baseline, candidate } = drifting(random, 40, 3);
    const stop = firstCountStop(check, baseline, candidate, 0.05);
    if (stop === null) continue;
    stopped++;
    const index = candidate.steps.findIndex((s) => s.t === stop!.at);
    const look = (k: number) =>
      lookAtSeries(check, baseline, { ...candidate, steps: candidate.steps.slice(0, k) }, 0.05);
    expect(look(index + 1).stop).toBe(true);
    for (let k = 1; k <= index; k++)
      if (candidate.steps.slice(0, k).reduce((n, s) => n + s.trials, 0) >= 100) expect(look(k).stop).toBe(false);
  }
  // 3x errors through the drift stop within the window most of the time.
  expect(stopped).toBeGreaterThanOrEqual(12);
});
