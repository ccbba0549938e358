/**
 * The anytime-valid one-sided test of a value check (latency, throughput) against its complete
 * baseline, set up once per baseline so that every look, live or replayed, applies the same rule.
 *
 * Scale: logs when every baseline value is > 0 (a tolerance is relative, and latencies are
 * log-normal-ish), raw values otherwise. For `decrease` the values are negated, so the test is
 * always "the candidate's mean rose beyond the threshold".
 *
 * The null is "no regression beyond tolerance": mu_c <= mu_b + ln(1 + tol) (log scale) or
 * mu_c <= mu_b + tol |mu_b| (raw). alpha is split in two halves:
 * - alpha/2 for the baseline: U = mean_b + t_(alpha/2, df) s sqrt(f_n / n) bounds mu_b from above
 *   (f_n the AR(1) inflation of a mean of n points, stats/long-run-variance.ts), and the threshold
 *   is c = U + ln(1 + tol) (raw: U + tol |U|, which bounds mu_b + tol |mu_b| for every mu_b <= U);
 * - alpha/2 for the looks: S_t = sum (y_i - c) over the candidate so far, V_t = t s^2 (1 + phi) /
 *   (1 - phi) (the long-run variance of an AR(1) step, which bounds the variance of a sum of any
 *   length), and the one-sided normal-mixture martingale (normal-mixture.ts) must reach 2/alpha.
 * Under the null, with probability >= 1 - alpha/2 every candidate step has mean <= c, so S_t is a
 * supermartingale and the looks stop falsely with probability <= alpha/2: at most alpha in all.
 *
 * s, phi and hence V_t are estimated from the baseline alone, which is complete before the first
 * look, so they are fixed constants to the sequential test, as its validity needs (estimating them
 * from the candidate as it grows would let the boundary chase the data). phi comes from the
 * long-run variance estimator every test of a window uses (stats/long-run-variance.ts `longRunOf`,
 * on the baseline's values on the test scale, since V_t bounds a sum of values): the persistence
 * read at lags 1-16, bias-corrected, at its upper value, used only once lag 1 shows dependence,
 * and borrowed (0.9) when the baseline has fewer than 20 neighbouring pairs. A lag-1 estimate
 * alone (the previous one, taken one standard error up) takes slow wandering for noise; the gate
 * keeps independent baselines at phi 0 instead of a standard error up. The estimates are not the
 * truth: an underestimated s or phi is a too-narrow boundary. So s^2 is the sum of squares over
 * n - f_n (centring on the baseline's own mean takes f_n points' worth of variance out of it, not
 * 1, under dependence), taken at its 90% chi-square upper bound with longRunOf's degrees of
 * freedom, (1 - phi^2) n / 2 (at most n - 1), which also carry the persistence's own uncertainty
 * into the baseline's t bound. Measured (bench/sequential/spend.ts: tolerance 0, no change, 200
 * looks at the looks' quarter of alpha, 0.0125, 1000 reps; docs/benchmarks.md, "Sequential value
 * looks on the long-run variance"): stops 0.0% at phi 0 and 0.5, 0.4% at 0.95, 2.8% on long memory
 * (AR 0.5 + 0.9 + 0.99; 3.0% with the lag-1 estimate) and 3.8% with a 30-point baseline at phi 0.95
 * (2.9%): the last two exceed the looks' 1.25% because a baseline not much longer than the memory
 * (120 points against the 0.99 part's 100-step time constant) cannot show it to any estimator; a
 * 12-point baseline (borrowed) 0.0%. Independent baselines gain: +20% is stopped within 200 looks
 * 74% of the time (60% with the lag-1 estimate, which always added a standard error).
 *
 * rho (the mixing precision) is tuned for a detection at half the planned post window (`horizon`
 * points): it only trades early for late power, never validity, and depends only on the baseline
 * and the plan.
 *
 * Robust stops (value-look.ts): each step adds at most CLIP_SDS long-run sds to S_t (its value is
 * winsorized at threshold + CLIP_SDS sqrt(stepVariance)), so one extreme value, a restart's 26 s
 * p95 against a smooth 100 ms baseline, adds a bounded amount of evidence. Clipping only lowers an
 * increment, so for every lambda >= 0 exp(lambda S - lambda^2 V / 2) stays a supermartingale under
 * the null and the guarantee is unchanged. Why 4: beyond it a healthy step on the normal model is
 * rarer than 1 in 30,000, so only blips and real shifts are cut; a blip is kept from deciding by
 * the span rule of value-look.ts anyway (the clip bounds what it adds), while a real shift of more
 * than 3 sds a step (a smooth p95 at +50%) lost evidence to a clip at 3 and stopped later.
 * Measured (bench/sequential/spend.ts, docs/benchmarks.md "Earlier stops without spending alpha
 * twice"): 3 -> 4 moves that stop from 135 s to 120 s, changes no other power cell, keeps blips at
 * 0% stopped and the no-change cells where they were (heavy tails 0.0% -> 0.1%); 6 measured as 4.
 *
 * No early pass: ruling out a regression beyond a 10% tolerance needs the candidate's confidence
 * sequence to be narrower than ln(1.1) - (U - mean_b), which at per-step sigma 0.3 takes several
 * hundred steps, far beyond a 10-minute window; a pass is declared only at the window's end by
 * the fixed-window judge.
 */
import { chiSquareUpperQuantile } from '../stats/chi-square.js';
import { longRunOf, type LongRun } from '../stats/long-run-variance.js';
import { studentTUpperQuantile } from '../stats/student-t.js';
import { tunedPrecision } from './normal-mixture.js';

/** The check settings a value look reads. */
export interface ValueCheck {
  direction: 'increase' | 'decrease';
  tolerance: number;
}

/** Fewer baseline values than this and the test is not set up (the autocorrelation estimate needs 8). */
export const MIN_BASELINE_VALUES = 8;
/** Post-window points the mixture is tuned for when the caller gives none: the spec defaults, 10m at 30s. */
export const DEFAULT_HORIZON = 20;
/** The upper confidence level at which s^2 is taken (one-sided). */
const ESTIMATE_LEVEL = 0.9;
/** The share of the planned window at which the mixture is tightest: mid-window detections of large shifts gain, late ones lose little (measured: +50% median 195 s at 1, 180 s at 0.5). Re-measured with the clip at 4 (spend.ts): 0.1 stops a smooth p95 at +50% 15 s sooner (0.25 no sooner) but +20% 2-5 points less often; kept. */
const TUNED_AT = 0.5;
/** The most one step adds to S_t, in long-run sds of a step (see the header: robust stops). */
export const CLIP_SDS = 4;

/** A baseline ready for looks, or the reason no look can stop. */
export type ValueTest = ReadyValueTest | { ready: false; reason: string };

export interface ReadyValueTest {
  ready: true;
  scale: 'log' | 'raw';
  /** +1 for increase, -1 for decrease: values are multiplied by it before the test. */
  sign: 1 | -1;
  /** Mean of the baseline on the test scale (before the sign). */
  baselineMean: number;
  /** The threshold c on the signed test scale: candidate steps above it count towards a stop. */
  threshold: number;
  /** The per-step long-run variance (upper estimate) that V_t grows by. */
  stepVariance: number;
  /** The most one step adds to S_t: CLIP_SDS sqrt(stepVariance). */
  clip: number;
  /** The mixing precision rho of the normal mixture. */
  rho: number;
  /** ln(2 / alpha): the mixture stops at this log level. */
  logThreshold: number;
  /** The persistence the step variance assumes (longRunOf's: an upper value, or borrowed). */
  phi: number;
  /** 'estimated' from the baseline, or 'borrowed' (too short to estimate: a conservative persistence). */
  basis: LongRun['basis'];
  baselineValues: number;
}

/** The finite baseline values on the test scale, and the scale. */
function baselineOnScale(baseline: Float64Array): { values: Float64Array; scale: 'log' | 'raw' } {
  const finite = baseline.filter((v) => Number.isFinite(v));
  const positive = finite.length > 0 && finite.every((v) => v > 0);
  return positive ? { values: finite.map(Math.log), scale: 'log' } : { values: finite, scale: 'raw' };
}

/** Set up the test on the complete baseline (time order). `horizon`: the planned post-window points. */
export function prepareValueTest(
  check: ValueCheck,
  baseline: Float64Array,
  alpha: number,
  horizon = DEFAULT_HORIZON,
): ValueTest {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(check.tolerance >= 0)) throw new RangeError(`tolerance must be >= 0, got ${check.tolerance}`);
  const { values, scale } = baselineOnScale(baseline);
  const n = values.length;
  if (n < MIN_BASELINE_VALUES)
    return {
      ready: false,
      reason: `too few baseline values for the sequential test (${n}, needs ${MIN_BASELINE_VALUES})`,
    };
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  // Compared as values, not by the sum of squares, which rounding leaves at ~1e-33 for a constant series.
  if (values.every((v) => v === values[0]) || !(ss > 0))
    return { ready: false, reason: 'the baseline never varies: the sequential test has no noise to scale by' };
  if (check.direction === 'decrease' && scale === 'log' && check.tolerance >= 1)
    return { ready: false, reason: 'a fall beyond a tolerance of 100% or more is impossible on positive values' };
  // Raw scale: mu + tol |mu| only rises with mu while tol <= 1, which the threshold below needs.
  if (scale === 'raw' && check.tolerance > 1)
    return {
      ready: false,
      reason: 'a tolerance above 100% on values that reach 0 or below has no sequential threshold',
    };

  // The dependence as the fixed-window tests read it (one estimator for every test of a window):
  // persistence at its upper value, read over lags 1-16; borrowed when too short to estimate.
  const longRun = longRunOf([values]);
  const phi = longRun.persistence;
  const meanFactor = longRun.factorFor(n);
  // Centring on the baseline's own mean takes f_n of the n points' worth of variance out of the
  // sum of squares: E[ss] = sigma^2 (n - f_n), so s^2 = ss / (n - f_n) (n - 1 when independent).
  const variance = ss / Math.max(1, n - meanFactor);
  const df = Math.max(1, Math.min(n - 1, longRun.degreesOfFreedom));
  const varianceUpper = (variance * df) / Math.max(1e-3 * df, chiSquareUpperQuantile(ESTIMATE_LEVEL, df));

  const sign: 1 | -1 = check.direction === 'increase' ? 1 : -1;
  // The bound on mu_b on the signed scale, at alpha/2 with the effective n.
  const margin = studentTUpperQuantile(alpha / 2, df) * Math.sqrt((variance * meanFactor) / n);
  const upper = sign * mean + margin;
  const threshold =
    scale === 'log'
      ? upper + (sign === 1 ? Math.log1p(check.tolerance) : -Math.log1p(-check.tolerance))
      : upper + check.tolerance * Math.abs(upper);
  const stepVariance = (varianceUpper * (1 + phi)) / (1 - phi);
  const logThreshold = Math.log(2 / alpha);
  const rho = tunedPrecision(Math.max(1, horizon) * TUNED_AT * stepVariance, logThreshold);
  return {
    ready: true,
    scale,
    sign,
    baselineMean: mean,
    threshold,
    stepVariance,
    clip: CLIP_SDS * Math.sqrt(stepVariance),
    rho,
    logThreshold,
    phi,
    basis: longRun.basis,
    baselineValues: n,
  };
}
