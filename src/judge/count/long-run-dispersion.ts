/**
 * The long-run variance of a count side: how much the events of a whole window vary, not only
 * single steps. The Pearson chi-square over df (dispersion.ts) measures how single steps scatter
 * around the side's rate; an error rate that drifts slowly (a traffic mix that wanders, a cache
 * that warms) moves whole runs of steps together, and the window's total then varies far more than
 * the single-step dispersion says: a logit-AR(1) error rate with phi 0.9 and sd 0.3 reads ~1.7 as
 * a dispersion while the total of 21 steps varies ~9 times the binomial variance.
 *
 * Model of the per-step Pearson residuals z_i = (e_i - n_i r) / sqrt(n_i r (1 - r)): binomial noise
 * (variance 1), short-lived bursts (variance d - 1, in the dispersion d) and a persistent component
 * of variance s^2 whose autocorrelation is phi^k. The variance of the total of n steps relative to
 * binomial is then d + s^2 (f(phi, n) - 1), f(phi, n) = 1 + 2 sum_{k<n} (1 - k/n) phi^k the AR(1)
 * variance factor of a mean of n points.
 *
 * Fitting s^2 and phi: from the residuals' autocovariances at lags 1..K, which binomial noise and
 * bursts do not reach (so independent counts give s^2 ~ 0, whatever phi), corrected for the bias
 * of centring each side on its own rate, which on a wandering series removes most of the
 * persistent variance a short window has (E gamma_k ~ s^2 ((n - k) / n) (phi^k - f(phi, n) / n)).
 * phi is chosen on a grid by least squares, s^2 in closed form for each phi. Then, because 80
 * steps estimate phi loosely and an underestimate raises false alarms, the persistence used is an
 * upper value: phi moved up by one standard error of a lag-1 autocorrelation of the persistent
 * component (sqrt((1 - phi^2) / N_eff)), capped where its correlation length (1 + phi) / (1 - phi)
 * reaches half the longest side (beyond, drift cannot be told from a shift on these steps)
 * and at MAX_PERSISTENCE.
 */
import { chiSquareUpperQuantile } from '../stats/chi-square.js';
import { normalQuantile } from '../stats/normal.js';
import type { CountStep } from './count-series.js';

/** The persistence above which the factor is not extrapolated (f(0.98, 60) ~ 40 already). */
export const MAX_PERSISTENCE = 0.98;
/** The most lags the fit reads. */
const MAX_LAG = 10;
/** A side needs this many steps for its autocovariances to enter the fit. */
const MIN_STEPS = 8;

/** The persistent component of a side's per-step residuals. */
export interface CountPersistence {
  /** Variance of the persistent component in Pearson units (0: none found). */
  persistent: number;
  /** Its lag-1 autocorrelation, the upper value used (0 when `persistent` is 0). */
  persistence: number;
  /** Steps the fit read (all sides). */
  steps: number;
}

export const NO_PERSISTENCE: CountPersistence = { persistent: 0, persistence: 0, steps: 0 };

/** f(phi, n): the variance of a mean of n AR(1) points relative to n independent ones. */
export function arFactor(phi: number, n: number): number {
  if (n <= 1 || phi === 0) return 1;
  if (phi >= 1) return n;
  const sum = phi / (1 - phi) - (phi * (1 - phi ** n)) / (n * (1 - phi) ** 2);
  return 1 + 2 * sum;
}

/** Steps summed by timestamp (several pods pooled are one step each time), in time order, with traffic. */
export function stepsByTime(steps: readonly CountStep[]): CountStep[] {
  const byTime = new Map<number, CountStep>();
  for (const s of steps) {
    if (!(s.trials > 0)) continue;
    const at = byTime.get(s.t);
    if (at === undefined) byTime.set(s.t, { t: s.t, events: s.events, trials: s.trials });
    else {
      at.events += s.events;
      at.trials += s.trials;
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** The events of all steps over their trials (0 without trials). */
export function pooledRate(steps: readonly CountStep[]): number {
  let events = 0;
  let trials = 0;
  for (const s of steps) {
    events += s.events;
    trials += s.trials;
  }
  return trials > 0 ? events / trials : 0;
}

/** Pearson residuals of a side's steps against its own pooled rate (empty when the rate is 0 or 1). */
export function pearsonResiduals(steps: readonly CountStep[]): Float64Array {
  const used = stepsByTime(steps);
  const rate = pooledRate(used);
  if (rate <= 0 || rate >= 1) return new Float64Array(0);
  return Float64Array.from(used, (s) => (s.events - s.trials * rate) / Math.sqrt(s.trials * rate * (1 - rate)));
}

/**
 * Fit the persistent component to residual series (each centred on its own rate), pooled: the
 * sides of one comparison, or the paired residuals of a canary.
 */
export function fitPersistence(sides: readonly Float64Array[]): CountPersistence {
  const usable = sides.filter((z) => z.length >= MIN_STEPS);
  const steps = usable.reduce((n, z) => n + z.length, 0);
  if (usable.length === 0) return { ...NO_PERSISTENCE, steps };
  if (!showsPersistence(usable)) return { ...NO_PERSISTENCE, steps };
  // Autocovariances per side and lag (divided by the side's length), plus the bias centring gives
  // independent noise of variance v (E gamma_k = -v (n - k) / n^2), v the side's own variance:
  // left in, negative far lags would read as the centring of a persistent component.
  const lags = usable.map((z) => {
    const n = z.length;
    let variance = 0;
    for (const v of z) variance += v * v;
    variance /= n;
    const top = Math.min(MAX_LAG, Math.floor(n / 3));
    const out: number[] = [];
    for (let k = 1; k <= top; k++) {
      let sum = 0;
      for (let i = 0; i + k < n; i++) sum += z[i]! * z[i + k]!;
      out.push(sum / n + (variance * (n - k)) / (n * n));
    }
    return out;
  });
  // A persistence whose correlation length (1 + phi) / (1 - phi) exceeds half the longest
  // side cannot be told from a level shift on these steps: the fit would read any noise at long
  // lags as a huge variance. The cap is where the grid (and the upper value) stops.
  const longest = Math.max(...usable.map((z) => z.length));
  const cap = Math.min(MAX_PERSISTENCE, (longest / 2 - 1) / (longest / 2 + 1));
  let best = { persistent: 0, phi: 0, loss: Infinity };
  for (let g = 0; g <= 98 && g / 100 <= cap; g++) {
    const phi = g / 100;
    let xy = 0;
    let xx = 0;
    const xs = usable.map((z, s) => {
      const n = z.length;
      const centring = arFactor(phi, n) / n;
      return lags[s]!.map((_, j) => (((n - (j + 1)) / n) * (phi ** (j + 1) - centring)) as number);
    });
    usable.forEach((z, s) => {
      const w = z.length;
      xs[s]!.forEach((x, j) => {
        xy += w * x * lags[s]![j]!;
        xx += w * x * x;
      });
    });
    const persistent = xx > 0 ? Math.max(0, xy / xx) : 0;
    let loss = 0;
    usable.forEach((z, s) => {
      xs[s]!.forEach((x, j) => {
        loss += z.length * (lags[s]![j]! - persistent * x) ** 2;
      });
    });
    if (loss < best.loss - 1e-12) best = { persistent, phi, loss };
  }
  if (best.persistent <= 0) return { ...NO_PERSISTENCE, steps };
  // An upper value of phi: one standard error of a lag-1 autocorrelation on the effective steps.
  const phi = best.phi;
  const effective = Math.max(2, (steps * (1 - phi)) / (1 + phi));
  const upper = Math.min(cap, phi + Math.sqrt((1 - phi * phi) / effective));
  return { persistent: best.persistent, persistence: upper, steps };
}

/** The level of the gate: the residuals must scatter, or hang together, more than binomial noise at this level. */
const GATE_LEVEL = 0.05;

/**
 * Is there anything persistent to fit? Either the residuals' variance exceeds binomial noise (the
 * Pearson chi-square, one df per step less one per side) or the sum of their autocorrelations at
 * lags 1..K is significantly positive (each ~ N(0, 1/N) for independent steps). Without the gate
 * the fit reads a persistence into pure noise often enough to cost a quarter of the power on
 * independent counts.
 */
function showsPersistence(sides: readonly Float64Array[]): boolean {
  let squares = 0;
  let df = 0;
  let lagSum = 0;
  let lagCount = 0;
  for (const z of sides) {
    const n = z.length;
    let sq = 0;
    for (const v of z) sq += v * v;
    squares += sq;
    df += n - 1;
    const top = Math.min(MAX_LAG, Math.floor(n / 3));
    for (let k = 1; k <= top; k++) {
      let sum = 0;
      for (let i = 0; i + k < n; i++) sum += z[i]! * z[i + k]!;
      // sqrt(n) times the lag-k autocorrelation: ~ N(0, 1) per side and lag for independent steps.
      lagSum += sq > 0 ? (sum / sq) * Math.sqrt(n) : 0;
      lagCount++;
    }
  }
  if (df >= 1 && squares > chiSquareUpperQuantile(GATE_LEVEL, df)) return true;
  return lagCount > 0 && lagSum / Math.sqrt(lagCount) > normalQuantile(1 - GATE_LEVEL);
}

/** The variance of a window of n steps' total relative to binomial: dispersion d plus the persistent part. */
export function longRunFactor(dispersion: number, fit: CountPersistence, n: number): number {
  return dispersion + fit.persistent * (arFactor(fit.persistence, n) - 1);
}

/** The persistence of a comparison's two sides, each centred on its own rate. */
export function persistenceOfSides(baseline: readonly CountStep[], candidate: readonly CountStep[]): CountPersistence {
  return fitPersistence([pearsonResiduals(baseline), pearsonResiduals(candidate)]);
}
