/**
 * `npm run bench:sequential`: how soon the anytime-valid looks of `run` detect a regression, and
 * how often they stop with no regression at all, against the fixed 10-minute window.
 * Usage: node .bench-build/bench/sequential/run.js [replications=1000] [seed=20261128] [only=]
 * (`only`: run just the cells whose name contains it, e.g. `latency`; the seeds stay the same.)
 *
 * Counts go through the live look (`lookAtSeries` after every 15 s step, as the wait loop calls
 * it); values through `firstValueStop`, the replay of `lookAtValues` after every step (the same
 * rule: test/unit/judge/sequential/first-stop.test.ts checks they agree), because a full
 * `lookAtValues` per look is ~0.4 ms and the bench must stay short.
 */
import { firstValueStop } from '../../src/judge/sequential/first-value-stop.js';
import { seededRng, type Rng } from '../judge-sim/random.js';
import { ALPHA, TOLERANCE, countFixedVerdict, countStopSeconds, valueFixedVerdict } from './detect.js';
import { drawCounts, drawValues, STEP, WINDOW_STEPS, type CountTraffic, type ValueTraffic } from './traffic.js';
import { waldSecondsCounts, waldSecondsValues } from './wald.js';

const replications = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20261128);
const only = process.argv[4] ?? '';
const WINDOW = WINDOW_STEPS * STEP;
/** Looks of "continuous monitoring": 200 steps (50 minutes), five times the window. */
const LONG_LOOKS = 200;
/** The miss rate the Wald bound is quoted at (80% power). */
const WALD_MISS = 0.2;

interface Outcome {
  /** Seconds after the window's start of the first stop within `looks`, or null. */
  stop: number | null;
  fixedFail: boolean;
}

const percent = (k: number, n: number): string =>
  `${((100 * k) / n).toFixed(1)}% ± ${(100 * Math.sqrt(((k / n) * (1 - k / n)) / n)).toFixed(1)}`;

/** The q-quantile of the stop times, counting runs that never stopped as later than any. */
function timeQuantile(stops: (number | null)[], q: number): string {
  const sorted = stops.map((s) => s ?? Infinity).sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return Number.isFinite(value) ? `${value} s` : `> ${WINDOW} s`;
}

function countOutcome(rng: Rng, traffic: CountTraffic, looks: number): Outcome {
  const { baseline, candidate } = drawCounts(rng, traffic, looks);
  return {
    stop: countStopSeconds(baseline, candidate, looks),
    fixedFail: countFixedVerdict(baseline, candidate) === 'fail',
  };
}

function valueOutcome(rng: Rng, traffic: ValueTraffic, looks: number): Outcome {
  const { baseline, candidate } = drawValues(rng, traffic, looks);
  const stop = firstValueStop(
    { direction: 'increase', tolerance: TOLERANCE },
    Float64Array.from(baseline, (p) => p.v),
    candidate,
    ALPHA,
    WINDOW_STEPS,
  );
  return {
    stop: stop === null ? null : stop.at - candidate[0]!.t + STEP,
    fixedFail: valueFixedVerdict(baseline, candidate) === 'fail',
  };
}

interface DetectCell {
  name: string;
  draw: (rng: Rng) => Outcome;
  wald: number;
}
interface NullCell {
  name: string;
  draw: (rng: Rng, looks: number) => Outcome;
}

const detectCells: DetectCell[] = [];
for (const rate of [0.01, 0.05]) {
  for (const ratio of [2, 5]) {
    const traffic = { rps: 10, rate, ratio };
    detectCells.push({
      name: `errors ${rate * 100}% x${ratio}, 10 req/s`,
      draw: (rng) => countOutcome(rng, traffic, WINDOW_STEPS),
      wald: waldSecondsCounts(10, rate, ratio, TOLERANCE, ALPHA, WALD_MISS),
    });
  }
}
for (const phi of [0, 0.5]) {
  for (const shift of [0.25, 0.5]) {
    const traffic = { phi, heavy: 0, shift };
    detectCells.push({
      name: `latency +${shift * 100}%, ${phi === 0 ? 'iid' : `AR(1) phi ${phi}`}`,
      draw: (rng) => valueOutcome(rng, traffic, WINDOW_STEPS),
      wald: waldSecondsValues(STEP, 0.3, phi, shift, TOLERANCE, ALPHA, WALD_MISS),
    });
  }
}
// Appended (issue 14): 2x errors over a drifting error rate (logit AR(1), phi 0.9, sd 0.3).
{
  const traffic = { rps: 10, rate: 0.05, ratio: 2, logitWander: { phi: 0.9, sd: 0.3 } };
  detectCells.push({
    name: 'errors 5% x2, 10 req/s, logit AR(1) phi 0.9 sd 0.3',
    draw: (rng) => countOutcome(rng, traffic, WINDOW_STEPS),
    wald: waldSecondsCounts(10, 0.05, 2, TOLERANCE, ALPHA, WALD_MISS),
  });
}

const nullCells: NullCell[] = [
  { name: 'errors 1%, no change', draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.01, ratio: 1 }, looks) },
  { name: 'errors 5%, no change', draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.05, ratio: 1 }, looks) },
  {
    name: 'errors 1% bursty (gamma 2 per step), no change',
    draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.01, ratio: 1, burstShape: 2 }, looks),
  },
  {
    name: 'errors 5%, x1.1 (the tolerance edge)',
    draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.05, ratio: 1.1 }, looks),
  },
  { name: 'latency iid, no change', draw: (rng, looks) => valueOutcome(rng, { phi: 0, heavy: 0, shift: 0 }, looks) },
  {
    name: 'latency AR(1) phi 0.5, no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.5, heavy: 0, shift: 0 }, looks),
  },
  {
    name: 'latency AR(1) phi 0.8, no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.8, heavy: 0, shift: 0 }, looks),
  },
  {
    name: 'latency heavy tail (5% x10), no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0, heavy: 0.05, shift: 0 }, looks),
  },
  {
    name: 'latency AR(1) phi 0.5, +10% (the tolerance edge)',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.5, heavy: 0, shift: 0.1 }, looks),
  },
  // Appended (the seeds above stay those of earlier runs): the count edge at a 1% rate, where the
  // baseline has only ~180 errors, plain and bursty: the one-sided test's hardest null cells.
  {
    name: 'errors 1%, x1.1 (the tolerance edge)',
    draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.01, ratio: 1.1 }, looks),
  },
  {
    name: 'errors 1% bursty, x1.1 (the tolerance edge)',
    draw: (rng, looks) => countOutcome(rng, { rps: 10, rate: 0.01, ratio: 1.1, burstShape: 2 }, looks),
  },
  // Appended (issue 14): a slowly drifting error rate, its logit an AR(1) (phi 0.9 per 15 s step, sd 0.3).
  {
    name: 'errors 5% logit AR(1) phi 0.9 sd 0.3, no change',
    draw: (rng, looks) =>
      countOutcome(rng, { rps: 10, rate: 0.05, ratio: 1, logitWander: { phi: 0.9, sd: 0.3 } }, looks),
  },
  // Appended (issue 14, the value looks on the long-run variance): strong and slow persistence,
  // and baselines too short to estimate it (12 points: 11 pairs, the persistence is borrowed).
  {
    name: 'latency AR(1) phi 0.95, no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.95, heavy: 0, shift: 0 }, looks),
  },
  {
    name: 'latency long memory (AR 0.5 + 0.9 + 0.99), no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0, phis: [0.5, 0.9, 0.99], heavy: 0, shift: 0 }, looks),
  },
  {
    name: 'latency AR(1) phi 0.5, 12-point baseline, no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.5, heavy: 0, shift: 0, baselineSteps: 12 }, looks),
  },
  {
    name: 'latency AR(1) phi 0.95, 30-point baseline, no change',
    draw: (rng, looks) => valueOutcome(rng, { phi: 0.95, heavy: 0, shift: 0, baselineSteps: 30 }, looks),
  },
];

const started = Date.now();
const lines = [
  `node ${process.version}, ${replications} replications per cell, seed ${seed}, alpha ${ALPHA}, tolerance ${TOLERANCE * 100}%, 15 s steps, 30-minute baseline, 10-minute window (${WINDOW_STEPS} looks)`,
  '',
  '| case | sequential: detected in window | median time to detect | p90 | fixed window: power (decides at 600 s) | Wald bound on E[N] (80% power) |',
  '| --- | --- | --- | --- | --- | --- |',
];
detectCells.forEach((cell, i) => {
  if (!cell.name.includes(only)) return;
  const rng = seededRng(seed + 7919 * i);
  const outcomes = Array.from({ length: replications }, () => cell.draw(rng));
  const stops = outcomes.map((o) => o.stop);
  const detected = stops.filter((s) => s !== null).length;
  lines.push(
    `| ${cell.name} | ${percent(detected, replications)} | ${timeQuantile(stops, 0.5)} | ${timeQuantile(stops, 0.9)} | ${percent(outcomes.filter((o) => o.fixedFail).length, replications)} | ${cell.wald.toFixed(0)} s |`,
  );
  process.stderr.write('.');
});
lines.push(
  '',
  `| no regression | sequential: false stops in the window (${WINDOW_STEPS} looks) | under continuous monitoring (${LONG_LOOKS} looks, 50 min) | fixed window: false alarms |`,
  '| --- | --- | --- | --- |',
);
nullCells.forEach((cell, i) => {
  if (!cell.name.includes(only)) return;
  const rng = seededRng(seed + 104729 * (i + 1));
  // One draw of 200 steps serves both columns: the window is its first 40 looks.
  const outcomes = Array.from({ length: replications }, () => cell.draw(rng, LONG_LOOKS));
  const inWindow = outcomes.filter((o) => o.stop !== null && o.stop <= WINDOW).length;
  const ever = outcomes.filter((o) => o.stop !== null).length;
  lines.push(
    `| ${cell.name} | ${percent(inWindow, replications)} | ${percent(ever, replications)} | ${percent(outcomes.filter((o) => o.fixedFail).length, replications)} |`,
  );
  process.stderr.write('.');
});
process.stderr.write(`\n${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(lines.join('\n') + '\n');
