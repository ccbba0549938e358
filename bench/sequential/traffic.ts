/**
 * Simulated traffic for the sequential benchmark: 15 s steps, a 30-minute baseline (120 steps)
 * and the post window after the deploy. Counts: requests per step ~ Poisson(rps x 15) (normal
 * approximation, mean 150 at 10 rps), errors ~ Binomial(requests, rate). Values: one latency per
 * step, e.g. the p95 of a rate() window, log-normal with sigma 0.3 around 200 ms, its log an
 * AR(1) running through both windows (overlapping rate() windows make neighbours alike).
 */
import type { CountSide, CountStep } from '../../src/judge/count/count-series.js';
import { ar1, type Rng } from '../judge-sim/random.js';

export const STEP = 15;
export const BASELINE_STEPS = 120;
export const WINDOW_STEPS = 40;
export const T0 = 1_800_000_000;
/** The deploy: the candidate's first step ends one step after it. */
export const DEPLOY = T0 + BASELINE_STEPS * STEP;

/** Count traffic: requests a second, the baseline error rate, the candidate's multiple of it. */
export interface CountTraffic {
  rps: number;
  rate: number;
  ratio: number;
  /** Gamma shape of a per-step multiplier of the error rate on both sides (bursts); undefined = none. */
  burstShape?: number;
  /** The logit of the error rate an AR(1) through both sides (a slowly drifting error rate); undefined = none. */
  logitWander?: { phi: number; sd: number };
}

const side = (steps: CountStep[]): CountSide => ({ labels: {}, steps, dropped: 0, zeroFilled: 0 });

/** One replication: the baseline side and `post` candidate steps. */
export function drawCounts(
  rng: Rng,
  traffic: CountTraffic,
  post: number,
): { baseline: CountSide; candidate: CountSide } {
  const mean = traffic.rps * STEP;
  const wander = traffic.logitWander;
  const logit = wander === undefined ? null : ar1(rng, BASELINE_STEPS + post, wander.phi);
  const shareAt = (rate: number, i: number): number =>
    logit === null ? rate : 1 / (1 + Math.exp(-(Math.log(rate / (1 - rate)) + wander!.sd * logit[i]!)));
  const steps = (count: number, start: number, rate: number): CountStep[] =>
    Array.from({ length: count }, (_, i) => {
      const trials = Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      const burst = traffic.burstShape === undefined ? 1 : rng.gamma(traffic.burstShape) / traffic.burstShape;
      const share = shareAt(rate, start + i) * burst;
      return { t: T0 + (start + i + 1) * STEP, events: rng.binomial(trials, Math.min(1, share)), trials };
    });
  return {
    baseline: side(steps(BASELINE_STEPS, 0, traffic.rate)),
    candidate: side(steps(post, BASELINE_STEPS, traffic.rate * traffic.ratio)),
  };
}

/** Value noise: AR(1) coefficient of the log, share of values x10 (timeouts), the candidate's shift. */
export interface ValueTraffic {
  phi: number;
  heavy: number;
  shift: number;
  sigma?: number;
  /** Long memory: a sum of independent unit-variance AR(1)s with these persistences, scaled back to unit variance (replaces phi). */
  phis?: number[];
  /** Only the last this-many baseline steps are kept (a short baseline); undefined = all 120. */
  baselineSteps?: number;
}

/** A sum of independent unit-variance AR(1)s, scaled back to unit variance: fast noise plus slow wandering. */
function arSum(rng: Rng, count: number, phis: readonly number[]): number[] {
  const out = new Array<number>(count).fill(0);
  for (const phi of phis) ar1(rng, count, phi).forEach((z, i) => (out[i]! += z / Math.sqrt(phis.length)));
  return out;
}

/** One replication: baseline and `post` candidate points (unix seconds, seconds of latency). */
export function drawValues(
  rng: Rng,
  traffic: ValueTraffic,
  post: number,
): { baseline: { t: number; v: number }[]; candidate: { t: number; v: number }[] } {
  const sigma = traffic.sigma ?? 0.3;
  const noise =
    traffic.phis !== undefined
      ? arSum(rng, BASELINE_STEPS + post, traffic.phis)
      : ar1(rng, BASELINE_STEPS + post, traffic.phi);
  const points = noise.map((z, i) => {
    const level = 0.2 * Math.exp(sigma * z) * (i >= BASELINE_STEPS ? 1 + traffic.shift : 1);
    return { t: T0 + (i + 1) * STEP, v: traffic.heavy > 0 && rng.uniform() < traffic.heavy ? level * 10 : level };
  });
  const first = BASELINE_STEPS - Math.min(BASELINE_STEPS, traffic.baselineSteps ?? BASELINE_STEPS);
  return { baseline: points.slice(first, BASELINE_STEPS), candidate: points.slice(BASELINE_STEPS) };
}
