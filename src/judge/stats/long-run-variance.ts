/**
 * The long-run variance of time-ordered values: how much the dependence between neighbouring
 * points inflates the variance of a window's mean, relative to as many independent points.
 *
 * Model: AR(1) with a persistence read from the data at several lags, used at an UPPER confidence
 * value, and only once the data show dependence at all.
 *
 * - Sides are centred on their own means and pooled (both sides measure the same query).
 * - Persistence is read at lags 1, 2, 4, 8 and 16 (lags up to a quarter of a side): the lag-k
 *   autocorrelation rho_k of an AR(1) is phi^k, so rho_k^(1/k) is the persistence lag k implies.
 *   Slowly wandering data (a fast process plus a slow one, fractional noise) show a moderate
 *   lag-1 correlation but a slowly decaying tail; a lag-1 fit alone takes the wandering for noise
 *   (the old estimator read 0.78-0.91 on 30 minutes of lag-1 0.99 data). The largest implied
 *   persistence is kept, from lags whose correlation is clearly positive (two standard errors):
 *   the k-th root of a small, noisy correlation is near 1 by arithmetic, not by data.
 * - Each correlation is corrected for the bias a short window puts into it (Kendall's
 *   (1 + 4 phi)/n at lag 1; centring on the window's own mean removes about f/n at longer lags, f
 *   the long-run factor). Taking the largest implied persistence over the lags already errs high
 *   (an underestimate is a false alarm, an overestimate only a wider interval); on top of that the
 *   persistence is raised to a one-sided upper confidence value at UPPER_LEVEL. Measured
 *   (bench/judge-sim), 0.75 kept false alarms at 0.5-1.5% for phi 0.5-0.95 but cost a tenth of the
 *   power at phi 0.5 (+50%: 60% with 0.75 and the gate at 0.9, 67% with 0.5 and the gate at 0.95): the maximum over lags and the Student-t
 *   degrees of freedom below already cover the estimate's uncertainty, so the median is used.
 * - The estimate is used only when the lag-1 correlation is beyond what independent points show
 *   (one-sided at GATE_LEVEL). Without this gate a noisy estimate inflates the variance of
 *   independent data by ~1.2 on average (half the draws come out positive by chance), which cost
 *   a fifth of the power at 30 + 10 points. Why not a kernel (Newey-West / Andrews) or batch
 *   means: both need a bandwidth that approaches the window to see slow wandering, and then their
 *   own estimate has a handful of degrees of freedom on independent data too; the AR fit spends
 *   its noise on one number (the persistence) that can be tested, bounded and reported.
 * - Windows too short to estimate (fewer than MIN_PAIRS neighbouring pairs over the sides, e.g.
 *   7 + 7 points) borrow a conservative persistence (BORROWED_PERSISTENCE), basis 'borrowed': the
 *   old judge skipped the correction there and gave 15% false alarms at phi 0.5, 28% at phi 0.9.
 *
 * The persistence is an estimate, so its uncertainty is carried into the tests as Student-t
 * degrees of freedom, (1 - phi^2) N / 2 for N pooled points (sd(ln f) ~ 2 / sqrt((1 - phi^2) N)).
 */
import { normalQuantile } from './normal.js';

/** Persistence the variance assumes, and what follows from it (shared by values, ranks and counts). */
export interface LongRun {
  /** Persistence the variance assumes (an upper confidence value when estimated; a conservative borrowed value when too short). */
  persistence: number;
  /** Variance of the mean of n points relative to n independent ones (>= 1). */
  factorFor(n: number): number;
  /** Degrees of freedom of the variance estimate (Student t), Infinity when nothing was inflated. */
  degreesOfFreedom: number;
  /** 'estimated' from the data, or 'borrowed' (window too short to estimate: conservative value assumed). */
  basis: 'estimated' | 'borrowed';
}

/** Fewer neighbouring pairs than this over all sides: the persistence cannot be estimated, it is borrowed. */
export const MIN_PAIRS = 20;
/** The persistence assumed for windows too short to estimate it: lag-1 0.9 covers overlapping rate() windows and slow load. */
export const BORROWED_PERSISTENCE = 0.9;
/** The largest persistence assumed: 0.995 at a 15 s step is a memory of ~50 minutes, longer than any window judged. */
export const MAX_PERSISTENCE = 0.995;
/** One-sided level of the upper confidence value of the persistence. */
const UPPER_LEVEL = 0.5;
/** One-sided level at which the lag-1 correlation must exceed independence before any inflation is applied. */
const GATE_LEVEL = 0.95;
/** Longer sides are estimated on their last this-many points (standard error ~0.02; 10,000-point windows stay fast). */
export const MAX_ESTIMATED = 2000;
/** Lags read for slow wandering. */
const LAGS = [1, 2, 4, 8, 16];

/** Variance of the mean of n AR(1) points relative to n independent ones: 1 + 2 sum (1 - k/n) phi^k. */
export function ar1Factor(phi: number, n: number): number {
  if (!(phi > 0) || n < 2) return 1;
  let sum = 0;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= phi;
    if (power < 1e-12) break;
    sum += (1 - k / n) * power;
  }
  return 1 + 2 * sum;
}

function makeLongRun(persistence: number, degreesOfFreedom: number, basis: LongRun['basis']): LongRun {
  return { persistence, factorFor: (n: number) => ar1Factor(persistence, n), degreesOfFreedom, basis };
}

/** A long run for a persistence assumed outright (e.g. one borrowed from history or another series). */
export function longRunAssuming(persistence: number, points: number, basis: LongRun['basis'] = 'borrowed'): LongRun {
  const phi = Math.min(MAX_PERSISTENCE, Math.max(0, persistence));
  return makeLongRun(phi, phi > 0 ? Math.max(1, ((1 - phi * phi) * points) / 2) : Infinity, basis);
}

/** Pooled autocorrelations at `lags` of the sides, each centred on its own mean; NaN where no side is long enough or all are flat. */
function pooledAutocorrelations(sides: readonly Float64Array[], lags: readonly number[]): number[] {
  const num = lags.map(() => 0);
  const den = lags.map(() => 0);
  for (const side of sides) {
    const n = side.length;
    if (n < 3) continue;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += side[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (side[i]! - mean) ** 2;
    lags.forEach((k, j) => {
      if (n < 4 * k) return;
      let s = 0;
      for (let i = 0; i + k < n; i++) s += (side[i]! - mean) * (side[i + k]! - mean);
      num[j]! += s;
      den[j]! += ss;
    });
  }
  return lags.map((_, j) => (den[j]! > 0 ? num[j]! / den[j]! : NaN));
}

/** Long-run variance of time-ordered raw values, pooled over the sides (each centred on its own mean). */
export function longRunOf(sides: readonly Float64Array[]): LongRun {
  const used = sides.map((s) => (s.length > MAX_ESTIMATED ? s.subarray(s.length - MAX_ESTIMATED) : s));
  const long = used.filter((s) => s.length >= 3);
  const points = long.reduce((t, s) => t + s.length, 0);
  const pairs = long.reduce((t, s) => t + s.length - 1, 0);
  const k = long.length;
  if (pairs < MIN_PAIRS) return longRunAssuming(BORROWED_PERSISTENCE, points, 'borrowed');

  const rhos = pooledAutocorrelations(long, LAGS);
  const r1 = rhos[0]!;
  if (Number.isNaN(r1)) return makeLongRun(0, Infinity, 'estimated'); // every value tied: nothing wanders
  // Independent points give r1 ~ N(-k/N, 1/N); inflate only when r1 is beyond that.
  const z = normalQuantile(GATE_LEVEL);
  if (r1 + k / points <= z / Math.sqrt(points)) return makeLongRun(0, Infinity, 'estimated');

  // Lag 1 with Kendall's correction pooled over k sides: E[r] = phi - k (1 + 4 phi) / N.
  let phi = Math.min(MAX_PERSISTENCE, Math.max(0, (r1 * points + k) / (points - 4 * k)));
  // Longer lags count only where their correlation is clearly positive (two standard errors
  // under the lag-1 model): a small correlation's k-th root is near 1 by arithmetic, not by data.
  const meanLength = points / k;
  const lag1 = phi;
  for (let j = 1; j < LAGS.length; j++) {
    const r = rhos[j]!;
    if (Number.isNaN(r)) break;
    const lag = LAGS[j]!;
    const corrected = r + ar1Factor(lag1, meanLength) / meanLength;
    const se = Math.sqrt((1 + (2 * lag1 * lag1) / (1 - lag1 * lag1 + 1e-9)) / points);
    if (r > 2 * se && corrected > 0) phi = Math.max(phi, Math.min(MAX_PERSISTENCE, corrected ** (1 / lag)));
  }
  const se = Math.sqrt(Math.max(1 - phi * phi, 4 / points) / points);
  const upper = Math.min(MAX_PERSISTENCE, phi + normalQuantile(UPPER_LEVEL) * se);
  return longRunAssuming(upper, points, 'estimated');
}
