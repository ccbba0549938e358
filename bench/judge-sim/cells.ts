/**
 * The simulated situations: each cell draws one baseline and one post window per replication.
 * Point cells are log-normal latencies (sigma 0.3) or throughputs, 30 s apart, with the post
 * window right after the baseline; count cells draw errors and requests per 30 s step.
 */
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

const series = (values: number[], start: number): Series => ({
  labels: {},
  points: values.map((v, i) => ({ t: T0 + (start + i) * STEP, v })),
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
}

function drawPoints(rng: Rng, o: PointOptions): PointDraw {
  const n = o.n ?? 61;
  const m = o.m ?? 21;
  const sigma = o.sigma ?? 0.3;
  const noise = ar1(rng, n + m, o.phi ?? 0);
  const values = noise.map((z, i) => {
    const hours = (i * STEP) / 3600;
    const level =
      (o.median ?? 0.2) *
      Math.exp(sigma * z) *
      Math.exp((o.driftPerHour ?? 0) * hours) *
      (i >= n ? 1 + (o.shift ?? 0) : 1);
    return o.heavy !== undefined && rng.uniform() < o.heavy ? level * 10 : level;
  });
  return { kind: 'points', baseline: series(values.slice(0, n), 0), candidate: series(values.slice(n), n) };
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
}

function drawCounts(rng: Rng, o: CountOptions): CountDraw {
  const n = o.n ?? 61;
  const m = o.m ?? 21;
  const perStep = o.traffic / m;
  const side = (count: number, start: number, rate: number): { errors: Series; requests: Series } => {
    const requests: number[] = [];
    const errors: number[] = [];
    for (let i = 0; i < count; i++) {
      const trials = rng.binomial(Math.round(perStep * 2), 0.5);
      const burst = o.burstShape === undefined ? 1 : rng.gamma(o.burstShape) / o.burstShape;
      requests.push(trials);
      errors.push(rng.binomial(trials, Math.min(1, rate * burst)));
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
  cells.push(...historyCells());
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
function drawWithHistory(rng: Rng, phi: number, shift: number): PointDraw {
  const n = 121;
  const m = 41;
  const h = HISTORY_SECONDS / HISTORY_STEP;
  const noise = ar1(rng, h + m, phi);
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
