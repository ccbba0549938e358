/**
 * The simulated situations: each cell draws one baseline and one post window per replication.
 * Point cells are log-normal latencies (sigma 0.3) or throughputs, 30 s apart, with the post
 * window right after the baseline; count cells draw errors and requests per 30 s step.
 */
import type { CheckMode } from '../../src/judge/index.js';
import type { CheckSpec } from '../../src/spec-model.js';
import type { Series } from '../../src/types.js';
import { ar1, type Rng } from './random.js';

export const STEP = 30;
export const T0 = 1_800_000_000;

/** One replication of a point cell. */
export interface PointDraw {
  kind: 'points';
  baseline: Series;
  candidate: Series;
  /** How the judge is told the sides compare (default before-after). */
  mode?: CheckMode;
  /** Seconds of `baseline.offset` the baseline was read at (its points are `offset` earlier). */
  offset?: number;
  /** `baseline.history` cells: the series over the history before the deploy (the baseline window included). */
  history?: { series: Series; seconds: number };
}

/** One replication of a count cell (per-step errors and requests). */
export interface CountDraw {
  kind: 'counts';
  baseline: { errors: Series; requests: Series };
  candidate: { errors: Series; requests: Series };
}

export interface Cell {
  group: string;
  name: string;
  /** True when there is no real change beyond the tolerance: a fail is a false alarm. */
  null: boolean;
  direction: CheckSpec['direction'];
  n: number;
  m: number;
  draw(rng: Rng): PointDraw | CountDraw;
  /** The optimal test's power for shift cells (analytic), or 'binomial' for the exact test's simulated power. */
  bound?: number | 'binomial';
  /** Seconds between points when not STEP. */
  step?: number;
}

const series = (values: number[], start: number, step = STEP): Series => ({
  labels: {},
  points: values.map((v, i) => ({ t: T0 + (start + i) * step, v })),
});

interface PointOptions {
  n?: number;
  m?: number;
  sigma?: number;
  median?: number;
  shift?: number;
  phi?: number;
  /** Share of samples multiplied by 10 (timeouts). */
  heavy?: number;
  /** Level drift per hour (0.05 = +5% per hour), on both windows. */
  driftPerHour?: number;
  /** Seconds between points (default STEP). */
  step?: number;
  /** Long memory: a sum of independent AR(1)s with these persistences and equal variances (replaces phi). */
  phis?: number[];
}

/** A sum of independent unit-variance AR(1)s, scaled back to unit variance: fast noise plus slow wandering. */
function arSum(rng: Rng, count: number, phis: readonly number[]): number[] {
  const out = new Array<number>(count).fill(0);
  for (const phi of phis) ar1(rng, count, phi).forEach((z, i) => (out[i]! += z / Math.sqrt(phis.length)));
  return out;
}

function drawPoints(rng: Rng, o: PointOptions): PointDraw {
  const n = o.n ?? 61;
  const m = o.m ?? 21;
  const sigma = o.sigma ?? 0.3;
  const step = o.step ?? STEP;
  const noise = o.phis !== undefined ? arSum(rng, n + m, o.phis) : ar1(rng, n + m, o.phi ?? 0);
  const values = noise.map((z, i) => {
    const hours = (i * step) / 3600;
    const level =
      (o.median ?? 0.2) *
      Math.exp(sigma * z) *
      Math.exp((o.driftPerHour ?? 0) * hours) *
      (i >= n ? 1 + (o.shift ?? 0) : 1);
    return o.heavy !== undefined && rng.uniform() < o.heavy ? level * 10 : level;
  });
  return {
    kind: 'points',
    baseline: series(values.slice(0, n), 0, step),
    candidate: series(values.slice(n), n, step),
  };
}

interface CountOptions {
  n?: number;
  m?: number;
  /** Requests per post window (the baseline window has n / m times as many). */
  traffic: number;
  rate: number;
  ratio: number;
  /** Gamma shape of a per-step multiplier of the error rate (bursts); undefined = none. */
  burstShape?: number;
  /** The log of the request rate an AR(1) through both windows (the traffic wanders; the error share does not). */
  trafficWander?: { phi: number; sd: number };
  /** The logit of the error rate an AR(1) through both windows (a slowly drifting error rate). */
  logitWander?: { phi: number; sd: number };
}

function drawCounts(rng: Rng, o: CountOptions): CountDraw {
  const n = o.n ?? 61;
  const m = o.m ?? 21;
  const perStep = o.traffic / m;
  // Wandering processes run through both windows (zeros when the cell has none).
  const traffic = o.trafficWander === undefined ? null : ar1(rng, n + m, o.trafficWander.phi);
  const logit = o.logitWander === undefined ? null : ar1(rng, n + m, o.logitWander.phi);
  const shareAt = (rate: number, i: number): number => {
    if (logit === null) return rate;
    const l = Math.log(rate / (1 - rate)) + o.logitWander!.sd * logit[i]!;
    return 1 / (1 + Math.exp(-l));
  };
  const side = (count: number, start: number, rate: number): { errors: Series; requests: Series } => {
    const requests: number[] = [];
    const errors: number[] = [];
    for (let i = 0; i < count; i++) {
      const level = traffic === null ? 1 : Math.exp(o.trafficWander!.sd * traffic[start + i]!);
      const trials = rng.binomial(Math.round(perStep * 2 * level), 0.5);
      const burst = o.burstShape === undefined ? 1 : rng.gamma(o.burstShape) / o.burstShape;
      requests.push(trials);
      errors.push(rng.binomial(trials, Math.min(1, shareAt(rate, start + i) * burst)));
    }
    return { errors: series(errors, start), requests: series(requests, start) };
  };
  return { kind: 'counts', baseline: side(n, 0, o.rate), candidate: side(m, n, o.rate * o.ratio) };
}

/** Power of the optimal one-sided test of a log shift delta (normal on the log scale). */
function shiftBound(
  shift: number,
  sigma: number,
  n: number,
  m: number,
  alpha: number,
  normalCdf: (z: number) => number,
  quantile: (p: number) => number,
): number {
  return normalCdf(Math.abs(Math.log(1 + shift)) / (sigma * Math.sqrt(1 / n + 1 / m)) - quantile(1 - alpha));
}

/** Every cell of the simulation at sizes n (baseline) and m (post). */
export function buildCells(
  alpha: number,
  normalCdf: (z: number) => number,
  quantile: (p: number) => number,
  n = 61,
  m = 21,
): Cell[] {
  const cells: Cell[] = [];
  const bound = (shift: number, sigma = 0.3): number => shiftBound(shift, sigma, n, m, alpha, normalCdf, quantile);
  const size = `${n}/${m}`;
  for (const shift of [0, 0.05, 0.1, 0.2, 0.5]) {
    cells.push({
      group: 'latency, iid lognormal',
      name: `+${shift * 100}% (${size})`,
      null: shift === 0,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, shift }),
      ...(shift > 0 ? { bound: bound(shift) } : {}),
    });
  }
  for (const shift of [0, 0.2, 0.5]) {
    cells.push({
      group: 'latency, heavy tail (5% x10)',
      name: `+${shift * 100}%`,
      null: shift === 0,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, shift, heavy: 0.05 }),
    });
  }
  for (const phi of [0.5, 0.8, 0.95]) {
    cells.push({
      group: 'latency, AR(1) noise',
      name: `phi ${phi}, no change`,
      null: true,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, phi }),
    });
  }
  for (const phi of [0.5, 0.8]) {
    cells.push({
      group: 'latency, AR(1) noise',
      name: `phi ${phi}, +50%`,
      null: false,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, phi, shift: 0.5 }),
    });
  }
  for (const drift of [0.02, 0.05, 0.1]) {
    cells.push({
      group: 'before/after drift, no change',
      name: `+${drift * 100}%/hour`,
      null: true,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, driftPerHour: drift }),
    });
  }
  for (const drop of [0, 0.2, 0.3]) {
    cells.push({
      group: 'throughput (sigma 0.1), direction decrease',
      name: `-${drop * 100}%`,
      null: drop === 0,
      direction: 'decrease',
      n,
      m,
      draw: (rng) => drawPoints(rng, { n, m, median: 1000, sigma: 0.1, shift: -drop }),
      ...(drop > 0 ? { bound: bound(-drop, 0.1) } : {}),
    });
  }
  for (const traffic of [1000, 4000, 16000]) {
    for (const ratio of [1, 1.5, 2, 4]) {
      cells.push({
        group: `errors 0.5%, ${traffic} requests per post window`,
        name: `x${ratio}`,
        null: ratio === 1,
        direction: 'increase',
        n,
        m,
        draw: (rng) => drawCounts(rng, { n, m, traffic, rate: 0.005, ratio }),
        bound: 'binomial',
      });
    }
  }
  cells.push({
    group: 'errors 0.5%, bursty (gamma shape 2 per step)',
    name: 'x1, 16000 requests',
    null: true,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawCounts(rng, { n, m, traffic: 16000, rate: 0.005, ratio: 1, burstShape: 2 }),
  });
  cells.push({
    group: 'errors 0.5%, bursty (gamma shape 2 per step)',
    name: 'x4, 16000 requests',
    null: false,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawCounts(rng, { n, m, traffic: 16000, rate: 0.005, ratio: 4, burstShape: 2 }),
  });
  cells.push({
    group: 'low traffic',
    name: 'errors x10 on 60 requests',
    null: false,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawCounts(rng, { n, m, traffic: 60, rate: 0.005, ratio: 10 }),
  });
  cells.push({
    group: 'low traffic',
    name: 'errors x1 on 300 requests',
    null: true,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawCounts(rng, { n, m, traffic: 300, rate: 0.005, ratio: 1 }),
  });
  // Counts that drift (issue 14). Wandering traffic: the request rate's log an AR(1) (phi 0.99
  // per 30 s step, sd 0.5) through both windows, the error share a constant 1%.
  cells.push({
    group: 'errors 1%, 16000 requests per post window, drifting',
    name: 'x1, traffic wandering (log AR(1) phi 0.99, sd 0.5)',
    null: true,
    direction: 'increase',
    n,
    m,
    draw: (rng) =>
      drawCounts(rng, { n, m, traffic: 16000, rate: 0.01, ratio: 1, trafficWander: { phi: 0.99, sd: 0.5 } }),
  });
  // A slowly drifting error rate: its logit an AR(1) (phi 0.9, sd 0.3) through both windows.
  for (const ratio of [1, 2]) {
    cells.push({
      group: 'errors 1%, 16000 requests per post window, drifting',
      name: `x${ratio}, error rate logit AR(1) phi 0.9, sd 0.3`,
      null: ratio === 1,
      direction: 'increase',
      n,
      m,
      draw: (rng) => drawCounts(rng, { n, m, traffic: 16000, rate: 0.01, ratio, logitWander: { phi: 0.9, sd: 0.3 } }),
    });
  }
  cells.push(...timeCells(n, m));
  if (n === 61 && m === 21) cells.push(...valueCells(alpha, normalCdf, quantile));
  cells.push(...historyCells());
  // Appended last so that every earlier cell keeps its seed (seed + 7919 x index).
  cells.push(improvesThenAtTolerance(n, m));
  if (n === 61 && m === 21) cells.push(...longMemoryCells());
  return cells;
}

/**
 * A change that is no regression anywhere: latency improves 30% for the first third of the post
 * window, then sits exactly at the tolerance (+10%) for the rest. Every point is within the
 * tolerance, so a fail is a false alarm; a line fitted to the window rises through it and its end
 * overshoots the +10% where the series sits (a test of the line's end alone can trip here).
 */
function improvesThenAtTolerance(n: number, m: number): Cell {
  const third = Math.floor(m / 3);
  return {
    group: 'latency, improves first then sits at the tolerance',
    name: `-30% for the first third, then +10% (${n}/${m})`,
    null: true,
    direction: 'increase',
    n,
    m,
    draw: (rng) => {
      const draw = drawPoints(rng, { n, m });
      const points = draw.candidate.points.map((p, i) => ({ t: p.t, v: p.v * (i < third ? 0.7 : 1.1) }));
      return { ...draw, candidate: { labels: {}, points } };
    },
  };
}

const DAY = 86_400;

/**
 * A daily curve with a sharp drop inside the compared window (latency falls 50% within one step in
 * the middle of the post window, as when the evening peak ends, on a gentle ramp of +0.5% a step),
 * read with `baseline.offset: 1d` and a baseline window as long as the post window: the baseline is
 * the same m steps a day earlier. Noise is AR(1) phi 0.3, sigma 0.15 on the log scale, independent
 * between the days.
 */
function drawDaily(rng: Rng, m: number, shift: number, ramp = 0): PointDraw {
  const level = (i: number): number => 0.2 * (i >= Math.floor(m / 2) ? 0.5 : 1) * Math.exp(0.005 * i);
  const day = (change: number): number[] => ar1(rng, m, 0.3).map((z, i) => level(i) * Math.exp(0.15 * z) * change);
  const at = (values: number[], start: number): Series => ({
    labels: {},
    points: values.map((v, i) => ({ t: start + i * STEP, v })),
  });
  return {
    kind: 'points',
    baseline: at(day(1), T0 - DAY),
    candidate: at(
      day(1 + shift).map((v, i) => v * (1 + (ramp * i) / (m - 1))),
      T0,
    ),
    mode: 'before-after',
    offset: DAY,
  };
}

/**
 * Canary with a shared wandering load: baseline and candidate pods read over the same m steps,
 * both riding one AR(1) load (phi 0.95, sigma 0.3 on the log scale) with their own noise (AR(1)
 * phi 0.3, sigma 0.1).
 */
function drawCanary(rng: Rng, m: number, shift: number): PointDraw {
  const load = ar1(rng, m, 0.95);
  const side = (change: number): Series => {
    const own = ar1(rng, m, 0.3);
    return {
      labels: {},
      points: load.map((z, i) => ({ t: T0 + i * STEP, v: 0.2 * Math.exp(0.3 * z + 0.1 * own[i]!) * change })),
    };
  };
  return { kind: 'points', baseline: side(1), candidate: side(1 + shift), mode: 'canary' };
}

/** A slow burn: latency rising linearly from +0% at the first post point to `top` at the last. */
function drawRamp(rng: Rng, n: number, m: number, top: number, phi: number): PointDraw {
  const draw = drawPoints(rng, { n, m, phi });
  const points = draw.candidate.points.map((p, i) => ({ t: p.t, v: p.v * (1 + (top * i) / (m - 1)) }));
  return { ...draw, candidate: { labels: {}, points } };
}

/** The cells of structure in time: paired comparisons (offset, canary) and growing changes. */
function timeCells(n: number, m: number): Cell[] {
  const size = `${n}/${m}`;
  const cells: Cell[] = [];
  for (const shift of [0, 0.3]) {
    cells.push({
      group: 'daily curve, sharp drop in the window, offset 1d',
      name: shift === 0 ? `no change (${m}/${m})` : `+${shift * 100}% (${m}/${m})`,
      null: shift === 0,
      direction: 'increase',
      n: m,
      m,
      draw: (rng) => drawDaily(rng, m, shift),
    });
  }
  const canary = Math.max(m, 31);
  for (const shift of [0, 0.2]) {
    cells.push({
      group: 'canary, shared wandering load (phi 0.95)',
      name: shift === 0 ? `no change (${canary}/${canary})` : `+${shift * 100}% (${canary}/${canary})`,
      null: shift === 0,
      direction: 'increase',
      n: canary,
      m: canary,
      draw: (rng) => drawCanary(rng, canary, shift),
    });
  }
  cells.push({
    group: 'slow burn',
    name: `linear rise +0% to +60% across the post window (${size})`,
    null: false,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawRamp(rng, n, m, 0.6, 0),
  });
  cells.push({
    group: 'slow burn',
    name: `same, AR(1) phi 0.5 (${size})`,
    null: false,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawRamp(rng, n, m, 0.6, 0.5),
  });
  cells.push({
    group: 'latency, AR(1) noise (trend false alarms)',
    name: 'phi 0.9, no change',
    null: true,
    direction: 'increase',
    n,
    m,
    draw: (rng) => drawPoints(rng, { n, m, phi: 0.9 }),
  });
  cells.push({
    group: 'slow burn, offset 1d',
    name: `linear rise +0% to +60% over the daily curve (${m}/${m})`,
    null: false,
    direction: 'increase',
    n: m,
    m,
    draw: (rng) => drawDaily(rng, m, 0, 0.6),
  });
  return cells;
}

/**
 * Issue 14's value cells, at their own sizes: slow wandering at 15 s steps (30-minute baseline,
 * 10-minute post window), short windows, a true change exactly at the tolerance, and independent
 * +20% on 30 + 10 points against the optimal test's power.
 */
function valueCells(alpha: number, normalCdf: (z: number) => number, quantile: (p: number) => number): Cell[] {
  const cells: Cell[] = [];
  const point = (group: string, name: string, isNull: boolean, o: PointOptions & { n: number; m: number }): Cell => ({
    group,
    name,
    null: isNull,
    direction: 'increase',
    n: o.n,
    m: o.m,
    draw: (rng) => drawPoints(rng, o),
  });
  cells.push(
    point('latency, persistence at 15 s steps', 'lag-1 0.99, no change (120/40)', true, {
      n: 120,
      m: 40,
      step: 15,
      phi: 0.99,
    }),
  );
  cells.push(
    point('latency, persistence at 15 s steps', 'long memory (AR 0.5 + 0.9 + 0.99), no change (120/40)', true, {
      n: 120,
      m: 40,
      step: 15,
      phis: [0.5, 0.9, 0.99],
    }),
  );
  for (const phi of [0.5, 0.9])
    cells.push(point('latency, short windows', `7/7 points, phi ${phi}, no change`, true, { n: 7, m: 7, phi }));
  cells.push(point('latency, short windows', '7/7 points, iid, +50%', false, { n: 7, m: 7, shift: 0.5 }));
  // A change exactly at the tolerance is no regression: "fail" there is a false alarm.
  cells.push(point('latency, true change at the tolerance', '+10% (61/21)', true, { n: 61, m: 21, shift: 0.1 }));
  cells.push(point('latency, true change at the tolerance', '+10% (601/201)', true, { n: 601, m: 201, shift: 0.1 }));
  for (const shift of [0, 0.2]) {
    const cell = point('latency, iid lognormal (30/10)', `+${shift * 100}%`, shift === 0, { n: 30, m: 10, shift });
    cells.push(shift > 0 ? { ...cell, bound: shiftBound(shift, 0.3, 30, 10, alpha, normalCdf, quantile) } : cell);
  }
  return cells;
}

/** Steps of the `baseline.history` cells: 15 s, a 30-minute baseline and a 10-minute post window. */
const HISTORY_STEP = 15;
const HISTORY_SECONDS = 24 * 3600;

/**
 * A latency whose log is an AR(1) at 15 s steps (sigma 0.3), drawn through 24 hours of history, the
 * 30-minute baseline (the history's last half hour) and the 10-minute post window: the history is
 * the same process the windows come from, as a service's own past is.
 */
function drawWithHistory(rng: Rng, phi: number | number[], shift: number, n = 121, m = 41): PointDraw {
  const h = HISTORY_SECONDS / HISTORY_STEP;
  const noise = typeof phi === 'number' ? ar1(rng, h + m, phi) : arSum(rng, h + m, phi);
  const values = noise.map((z, i) => 0.2 * Math.exp(0.3 * z) * (i >= h ? 1 + shift : 1));
  const at = (vs: number[], start: number): Series => ({
    labels: {},
    points: vs.map((v, i) => ({ t: T0 + (start + i) * HISTORY_STEP, v })),
  });
  return {
    kind: 'points',
    baseline: at(values.slice(h - n, h), h - n),
    candidate: at(values.slice(h), h),
    history: { series: at(values.slice(0, h), 0), seconds: HISTORY_SECONDS },
  };
}

function historyCells(): Cell[] {
  const cells: Cell[] = [];
  const cell = (phi: number, shift: number): Cell => ({
    group: 'latency, AR(1) at 15 s steps, baseline.history 24h (121/41)',
    name: `phi ${phi}, ${shift === 0 ? 'no change' : `+${shift * 100}%`}`,
    null: shift === 0,
    direction: 'increase',
    n: 121,
    m: 41,
    step: HISTORY_STEP,
    draw: (rng) => drawWithHistory(rng, phi, shift),
  });
  for (const phi of [0, 0.9, 0.95, 0.99]) cells.push(cell(phi, 0));
  for (const phi of [0, 0.9, 0.95, 0.99]) cells.push(cell(phi, 0.5));
  return cells;
}

/**
 * Long memory (AR 0.5 + 0.9 + 0.99 at 15 s steps, equal shares, sigma 0.3) when the post window is
 * as long as or longer than the 30-minute baseline: the slowest part (a memory of ~25 minutes) is
 * barely visible inside 120 points, and the AR(1) the judge fits reads at most lag 16. Judged on
 * the windows alone, and with `baseline.history 24h` drawn from the same process, which measures
 * how much adjacent windows of these lengths really differ.
 */
function longMemoryCells(): Cell[] {
  const phis = [0.5, 0.9, 0.99];
  const cells: Cell[] = [];
  for (const m of [41, 121, 201])
    cells.push({
      group: 'latency, long memory (AR 0.5 + 0.9 + 0.99), 15 s steps',
      name: `no change (121/${m})`,
      null: true,
      direction: 'increase',
      n: 121,
      m,
      step: HISTORY_STEP,
      draw: (rng) => {
        const { baseline, candidate } = drawWithHistory(rng, phis, 0, 121, m);
        return { kind: 'points', baseline, candidate };
      },
    });
  for (const m of [41, 201])
    cells.push({
      group: 'latency, long memory (AR 0.5 + 0.9 + 0.99), 15 s steps, baseline.history 24h',
      name: `no change (121/${m})`,
      null: true,
      direction: 'increase',
      n: 121,
      m,
      step: HISTORY_STEP,
      draw: (rng) => drawWithHistory(rng, phis, 0, 121, m),
    });
  return cells;
}
