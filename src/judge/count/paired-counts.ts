/**
 * Count checks paired by step: with `baseline.offset` (or a canary read over the same window), each
 * post step t has a baseline step t - offset at the same time of day, carrying the same traffic
 * mix. Comparing the windows' totals lets that shared shape (a daily curve, a route mix that
 * wanders) into the variance; comparing within each pair of steps cancels it.
 *
 * The test is the conditional score test stratified by step (Cochran-Mantel-Haenszel for rates):
 * given a pair's events E_k = x_bk + x_ck, under a rate ratio theta the candidate's share of them
 * is Bin(E_k, pi_k) with pi_k = theta n_ck / (theta n_ck + n_bk). The candidate's total
 * X = sum x_ck has mean sum E_k pi_k and variance D sum E_k pi_k (1 - pi_k), D the long-run
 * dispersion of the pairs' Pearson residuals (long-run-dispersion.ts: what is left after the shared
 * shape cancels, scattering or drifting). The null is theta at the tolerance's edge (1 + tolerance
 * for increase), so a fail means the one-sided (1 - alpha) bound of theta lies beyond the tolerance;
 * the estimate is the theta where the score is 0 (equal to the Mantel-Haenszel estimate when the
 * pairs' traffic shares are alike) and the interval inverts the same score, so the printed
 * interval is the test's own.
 */
import type { CheckSpec } from '../../spec-model.js';
import { alphaOf, decidedOutcome, describeOutcome } from '../decide.js';
import { normalQuantile, normalSurvival } from '../stats/normal.js';
import { formatChange, formatValue } from '../wording.js';
import { intervalConfidenceOf, noEventsOutcome, type CountComparison } from './compare-counts.js';
import type { CountSide, CountStep } from './count-series.js';
import { fitPersistence, longRunFactor, stepsByTime } from './long-run-dispersion.js';

/** One post step and its baseline step `offset` earlier. */
export interface StepPair {
  t: number;
  baseline: CountStep;
  candidate: CountStep;
}

/** Fewest pairs a paired comparison needs; with fewer the sides are compared as windows. */
export const MIN_PAIRS = 5;
/** Share of the candidate's trials the pairs must hold for the comparison to be paired. */
export const MIN_PAIRED_SHARE = 0.8;

/** Pair each candidate step at t with the baseline step at t - offset (both with traffic). */
export function pairSteps(baseline: CountSide, candidate: CountSide, offset: number): StepPair[] {
  const before = new Map(stepsByTime(baseline.steps).map((s) => [s.t, s]));
  const pairs: StepPair[] = [];
  for (const c of stepsByTime(candidate.steps)) {
    const b = before.get(c.t - offset);
    if (b !== undefined) pairs.push({ t: c.t, baseline: b, candidate: c });
  }
  return pairs;
}

/** Are there enough pairs, holding enough of the candidate's traffic, to compare by step? */
export function pairable(pairs: readonly StepPair[], candidateTrials: number): boolean {
  const paired = pairs.reduce((n, p) => n + p.candidate.trials, 0);
  return pairs.length >= MIN_PAIRS && candidateTrials > 0 && paired >= MIN_PAIRED_SHARE * candidateTrials;
}

/** Score of the candidate's events against ratio theta: X - mean and the binomial variance. */
function score(pairs: readonly StepPair[], theta: number): { diff: number; variance: number } {
  let diff = 0;
  let variance = 0;
  for (const { baseline: b, candidate: c } of pairs) {
    const events = b.events + c.events;
    if (events <= 0) continue;
    const pi = (theta * c.trials) / (theta * c.trials + b.trials);
    diff += c.events - events * pi;
    variance += events * pi * (1 - pi);
  }
  return { diff, variance };
}

/** z of the score at theta with dispersion d (positive: more candidate events than theta predicts). */
function zAt(pairs: readonly StepPair[], theta: number, dispersion: number): number {
  const { diff, variance } = score(pairs, theta);
  return variance > 0 ? diff / Math.sqrt(dispersion * variance) : 0;
}

/** The theta where z(theta) = target, by bisection on log theta (z falls as theta grows). */
function solveTheta(pairs: readonly StepPair[], dispersion: number, target: number): number {
  let low = Math.log(1e-6);
  let high = Math.log(1e6);
  if (zAt(pairs, Math.exp(low), dispersion) < target) return 0;
  if (zAt(pairs, Math.exp(high), dispersion) > target) return Infinity;
  for (let i = 0; i < 80; i++) {
    const mid = (low + high) / 2;
    if (zAt(pairs, Math.exp(mid), dispersion) > target) low = mid;
    else high = mid;
  }
  return Math.exp((low + high) / 2);
}

/** Long-run dispersion of the pairs' Pearson residuals at ratio theta (>= 1). */
export function pairedDispersion(pairs: readonly StepPair[], theta: number): number {
  const residuals: number[] = [];
  for (const { baseline: b, candidate: c } of pairs) {
    const events = b.events + c.events;
    if (events <= 0) continue;
    const pi = (theta * c.trials) / (theta * c.trials + b.trials);
    if (!(pi > 0 && pi < 1)) continue;
    residuals.push((c.events - events * pi) / Math.sqrt(events * pi * (1 - pi)));
  }
  if (residuals.length < 2) return 1;
  const z = Float64Array.from(residuals);
  let squares = 0;
  for (const v of z) squares += v * v;
  const single = Math.max(1, squares / (z.length - 1));
  return Math.max(1, longRunFactor(single, fitPersistence([z]), z.length));
}

/** Compare by step; the same outcome shape as compareCounts, plus the pairs' dispersion. */
export function comparePairedCounts(
  pairs: readonly StepPair[],
  check: Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence'>,
): CountComparison & { dispersion: number; estimate: number; events: { baseline: number; candidate: number } } {
  const alpha = alphaOf(check.confidence);
  let xb = 0;
  let xc = 0;
  for (const p of pairs) {
    xb += p.baseline.events;
    xc += p.candidate.events;
  }
  const intervalConfidence = intervalConfidenceOf(check.confidence, check.direction);
  const estimate = xb + xc > 0 ? solveTheta(pairs, 1, 0) : 1;
  const dispersion = xb + xc > 0 && Number.isFinite(estimate) && estimate > 0 ? pairedDispersion(pairs, estimate) : 1;
  const up = 1 + check.tolerance;
  const down = Math.max(1e-6, 1 - check.tolerance);
  const upper = (theta: number): number => normalSurvival(zAt(pairs, theta, dispersion));
  const lower = (theta: number): number => normalSurvival(-zAt(pairs, theta, dispersion));
  const pValue =
    xb + xc === 0
      ? 1
      : check.direction === 'increase'
        ? upper(up)
        : check.direction === 'decrease'
          ? lower(down)
          : Math.min(1, 2 * Math.min(upper(up), lower(down)));
  const zInterval = normalQuantile(1 - (1 - intervalConfidence) / 2);
  const low = xb + xc > 0 ? solveTheta(pairs, dispersion, zInterval) : 0;
  const high = xb + xc > 0 ? solveTheta(pairs, dispersion, -zInterval) : Infinity;
  const relative = xb > 0 ? estimate - 1 : null;
  const interval: [number, number] | null = relative === null ? null : [low - 1, high - 1];
  const paired = `paired by step (${pairs.length} pairs)`;
  const size =
    relative === null
      ? `${paired}, ${formatValue(xb)} -> ${formatValue(xc)} events`
      : `${paired}, rate ratio ${formatChange(relative)} [${formatChange(interval![0])}, ${Number.isFinite(interval![1]) ? formatChange(interval![1]) : '+inf'}]`;
  const stats = {
    pValue,
    relativeChange: relative,
    relativeChangeInterval: interval,
    intervalConfidence,
    dispersion,
    estimate,
    events: { baseline: xb, candidate: xc },
  };
  if (xb + xc === 0) {
    return noEventsOutcome(stats, size, alpha);
  }
  // The smallest p any split could give: every event in the candidate (increase) or none (decrease).
  const extreme = (direction: 'increase' | 'decrease'): number => {
    const shifted = pairs.map((p) => {
      const events = p.baseline.events + p.candidate.events;
      return direction === 'increase'
        ? { ...p, baseline: { ...p.baseline, events: 0 }, candidate: { ...p.candidate, events } }
        : { ...p, baseline: { ...p.baseline, events }, candidate: { ...p.candidate, events: 0 } };
    });
    const z = zAt(shifted, direction === 'increase' ? up : down, dispersion);
    return normalSurvival(direction === 'increase' ? z : -z);
  };
  const floor =
    check.direction === 'either'
      ? Math.min(1, 2 * Math.min(extreme('increase'), extreme('decrease')))
      : extreme(check.direction);
  if (floor >= alpha) {
    const reason = `${size}; too few events to test: with ${formatValue(xb + xc)} events in all the smallest possible p is ${formatValue(floor)} (needs < ${formatValue(alpha)})`;
    return { ...stats, decidable: false, regressed: false, rule: 'too-few-effective-samples', reason };
  }
  const significant = pValue < alpha;
  const shift = relative ?? (xc > 0 ? 1 : 0);
  const badSign = check.direction === 'increase' ? shift > 0 : check.direction === 'decrease' ? shift < 0 : shift !== 0;
  const outcome = describeOutcome({
    significant,
    beyond: significant,
    badSign,
    pValue,
    alpha,
    tolerance: check.tolerance,
  });
  return decidedOutcome(stats, size, outcome);
}
