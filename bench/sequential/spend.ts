/**
 * Watched value checks over a long post window: the looks after every step plus the fixed test at
 * the window's end, as `run` makes them, and how often the two together fail. Cells:
 * - no change (one series; four series, three of them first seen five looks in): combined false
 *   alarms, which the gate promises at most alpha;
 * - a regression: detected (stopped or failed at the end), and when it stopped;
 * - a restart blip (one extreme post point, or a few through a rate() range), otherwise healthy:
 *   how often the looks stop (never, ideally).
 * Usage: tsc -p tsconfig.bench.json && node .bench-build/bench/sequential/spend.js [replications=1000] [seed=20261206] [only=]
 * (`only`: run just the cells whose name contains it, and no share sweep unless it is empty or
 * `sweep`; the seeds stay the same.)
 */
import { classifySeries } from '../../src/judge/classify-series.js';
import { adjustRun } from '../../src/judge/adjust-run.js';
import { firstValueStop } from '../../src/judge/sequential/first-value-stop.js';
import { LOOK_SHARE, sequentialAlpha, type SequentialFamily } from '../../src/judge/sequential/index.js';
import type { CheckResult, SeriesResult } from '../../src/types.js';
import { seededRng, type Rng } from '../judge-sim/random.js';
import { ALPHA } from './detect.js';
import { drawValues, STEP, type ValueTraffic } from './traffic.js';

const replications = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20261206);
const only = process.argv[4] ?? '';
/** The post window: 200 steps of 15 s (50 minutes), a look after each. */
const LOOKS = 200;
/** The rate() range of the watched query: a blip shows in every point whose range holds it. */
const LOOKBACK = 60;
/** The points one blip fills (early-stop-watched.ts blipSpan). */
const SPAN = LOOKBACK / STEP + 1;
/** Tolerance 0: both tests then have the exact null "no rise", so the cells measure the spending of alpha alone. */
const TOLERANCE = 0;
const SETTINGS = { direction: 'increase' as const, tolerance: TOLERANCE };
const CHECK = { ...SETTINGS, confidence: 1 - ALPHA, aggregate: 'mean' as const, minSamples: 5 };

type Point = { t: number; v: number };
interface SeriesDraw {
  baseline: Point[];
  candidate: Point[];
  /** Looks before this series has a candidate point (the live family grows when it appears). */
  appearsAt: number;
}

/** The family of the looks, fixed before the first look: every series of the complete baseline. */
function familyOf(series: SeriesDraw[]): SequentialFamily {
  return { tests: series.length, watched: new Map([['latency', series.length]]), share: LOOK_SHARE };
}

/** Seconds after the window's start of the first look that stops, at the looks' alpha. */
function stopSeconds(series: SeriesDraw[], share = LOOK_SHARE): number | null {
  let best: number | null = null;
  const alpha = sequentialAlpha(ALPHA, series.length, share);
  for (const s of series) {
    const base = Float64Array.from(s.baseline, (p) => p.v);
    const stop = firstValueStop(SETTINGS, base, s.candidate, alpha, LOOKS, SPAN);
    if (stop === null) continue;
    const at = stop.at - s.candidate[0]!.t + STEP * (s.appearsAt + 1);
    if (best === null || at < best) best = at;
  }
  return best;
}

/** The fixed test of every series at the window's end, Holm-adjusted over the run as `run` does after its looks. */
function finalFails(series: SeriesDraw[]): boolean {
  const results: SeriesResult[] = series.map((s, i) =>
    classifySeries(CHECK, { labels: { i: String(i) }, baseline: s.baseline, candidate: s.candidate }, 'before-after'),
  );
  const check: CheckResult = {
    name: 'latency',
    verdict: 'pass',
    critical: true,
    reason: '',
    series: results,
    unmatched: { baseline: [], candidate: [] },
  };
  return adjustRun([check], familyOf(series))[0]!.series.some((s) => s.verdict === 'fail');
}

interface Outcome {
  stop: number | null;
  fail: boolean;
}

function outcome(series: SeriesDraw[]): Outcome {
  const stop = stopSeconds(series);
  if (stop !== null) return { stop, fail: true };
  return { stop: null, fail: finalFails(series) };
}

function draw(rng: Rng, traffic: ValueTraffic, appearsAt = 0): SeriesDraw {
  const { baseline, candidate } = drawValues(rng, traffic, LOOKS);
  return { baseline, candidate: candidate.slice(appearsAt), appearsAt };
}

/** A healthy series whose first `points` post points are `factor` times their value (a restart blip). */
function blip(rng: Rng, points: number, factor: number): SeriesDraw {
  const s = draw(rng, { phi: 0.5, heavy: 0, shift: 0, sigma: 0.05 });
  s.candidate = s.candidate.map((p, i) => (i < points ? { t: p.t, v: p.v * factor } : p));
  return s;
}

interface Cell {
  name: string;
  draw: (rng: Rng) => SeriesDraw[];
}

const nullCells: Cell[] = [
  { name: 'latency iid, no change', draw: (rng) => [draw(rng, { phi: 0, heavy: 0, shift: 0 })] },
  { name: 'latency AR(1) phi 0.5, no change', draw: (rng) => [draw(rng, { phi: 0.5, heavy: 0, shift: 0 })] },
  { name: 'latency heavy tail (5% x10), no change', draw: (rng) => [draw(rng, { phi: 0, heavy: 0.05, shift: 0 })] },
  {
    name: '4 series, 3 first seen 5 looks in, no change',
    draw: (rng) => [0, 5, 5, 5].map((at) => draw(rng, { phi: 0, heavy: 0, shift: 0 }, at)),
  },
  // Appended (the value looks on the long-run variance): strong and slow persistence, short baselines.
  { name: 'latency AR(1) phi 0.95, no change', draw: (rng) => [draw(rng, { phi: 0.95, heavy: 0, shift: 0 })] },
  {
    name: 'latency long memory (AR 0.5 + 0.9 + 0.99), no change',
    draw: (rng) => [draw(rng, { phi: 0, phis: [0.5, 0.9, 0.99], heavy: 0, shift: 0 })],
  },
  {
    name: 'latency AR(1) phi 0.95, 30-point baseline, no change',
    draw: (rng) => [draw(rng, { phi: 0.95, heavy: 0, shift: 0, baselineSteps: 30 })],
  },
  {
    name: 'latency AR(1) phi 0.5, 12-point baseline, no change',
    draw: (rng) => [draw(rng, { phi: 0.5, heavy: 0, shift: 0, baselineSteps: 12 })],
  },
];
const powerCells: Cell[] = [
  { name: 'latency +10% iid', draw: (rng) => [draw(rng, { phi: 0, heavy: 0, shift: 0.1 })] },
  { name: 'latency +20% iid', draw: (rng) => [draw(rng, { phi: 0, heavy: 0, shift: 0.2 })] },
  { name: 'latency +50% AR(1) phi 0.5', draw: (rng) => [draw(rng, { phi: 0.5, heavy: 0, shift: 0.5 })] },
  {
    name: 'p95 +50%, smooth baseline (sigma 0.05, phi 0.5)',
    draw: (rng) => [draw(rng, { phi: 0.5, heavy: 0, shift: 0.5, sigma: 0.05 })],
  },
];
const blipCells: Cell[] = [
  { name: 'first post point x100 (smooth p95, sigma 0.05)', draw: (rng) => [blip(rng, 1, 100)] },
  {
    name: `restart blip through a ${LOOKBACK / 60}m range: ${SPAN} points x3`,
    draw: (rng) => [blip(rng, SPAN, 3)],
  },
];

const percent = (k: number, n: number): string =>
  `${((100 * k) / n).toFixed(1)}% ± ${(100 * Math.sqrt(((k / n) * (1 - k / n)) / n)).toFixed(1)}`;

function median(stops: (number | null)[]): string {
  const sorted = stops.map((s) => s ?? Infinity).sort((a, b) => a - b);
  const value = sorted[Math.ceil(sorted.length / 2) - 1]!;
  return Number.isFinite(value) ? `${value} s` : `> ${LOOKS * STEP} s`;
}

function run(cells: Cell[], offset: number): (Outcome[] | null)[] {
  return cells.map((cell, i) => {
    if (!cell.name.includes(only)) return null;
    const rng = seededRng(seed + offset * (i + 1));
    const outcomes = Array.from({ length: replications }, () => outcome(cell.draw(rng)));
    process.stderr.write('.');
    return outcomes;
  });
}

const started = Date.now();
const lines = [
  `node ${process.version}, ${replications} replications per cell, seed ${seed}, alpha ${ALPHA}, tolerance ${TOLERANCE * 100}%, 15 s steps, 30-minute baseline, ${LOOKS} looks then the fixed test`,
  '',
  '| no change | stopped by a look | failed in all (looks or final test) |',
  '| --- | --- | --- |',
];
run(nullCells, 7907).forEach((outcomes, i) => {
  if (outcomes === null) return;
  const stopped = outcomes.filter((o) => o.stop !== null).length;
  const failed = outcomes.filter((o) => o.fail).length;
  lines.push(`| ${nullCells[i]!.name} | ${percent(stopped, replications)} | ${percent(failed, replications)} |`);
});
lines.push('', '| regression | stopped by a look | median stop | detected in all |', '| --- | --- | --- | --- |');
run(powerCells, 6007).forEach((outcomes, i) => {
  if (outcomes === null) return;
  const stops = outcomes.map((o) => o.stop);
  const stopped = stops.filter((s) => s !== null).length;
  const failed = outcomes.filter((o) => o.fail).length;
  lines.push(
    `| ${powerCells[i]!.name} | ${percent(stopped, replications)} | ${median(stops)} | ${percent(failed, replications)} |`,
  );
});
lines.push('', '| restart blip, otherwise healthy | stopped by a look | failed in all |', '| --- | --- | --- |');
run(blipCells, 5003).forEach((outcomes, i) => {
  if (outcomes === null) return;
  const stopped = outcomes.filter((o) => o.stop !== null).length;
  const failed = outcomes.filter((o) => o.fail).length;
  lines.push(`| ${blipCells[i]!.name} | ${percent(stopped, replications)} | ${percent(failed, replications)} |`);
});
// The share of alpha the looks spend, chosen by power: one series, the looks at share x alpha and
// the fixed test at (1 - share) x alpha; share 1 is "the final test is the last look".
const SHARES = [0.1, 0.25, 0.5, 0.75, 1];
lines.push(
  '',
  `| share of alpha for the looks | ${SHARES.map((f) => (f === 1 ? '1 (last look decides)' : String(f))).join(' | ')} |`,
  `| --- |${SHARES.map(() => ' --- |').join('')}`,
);
const sweepCells = only === '' || only === 'sweep' ? [powerCells[0]!, powerCells[1]!, powerCells[3]!] : [];
sweepCells.forEach((cell, i) => {
  const cells = SHARES.map((share) => {
    const rng = seededRng(seed + 4001 * (i + 1));
    let detected = 0;
    const stops: (number | null)[] = [];
    for (let r = 0; r < replications; r++) {
      const series = cell.draw(rng);
      const stop = stopSeconds(series, share);
      stops.push(stop);
      if (stop !== null) detected++;
      else if (share < 1) {
        const s = series[0]!;
        const check = { ...CHECK, confidence: 1 - (1 - share) * ALPHA };
        const pair = { labels: {}, baseline: s.baseline, candidate: s.candidate };
        if (classifySeries(check, pair, 'before-after').verdict === 'fail') detected++;
      }
    }
    return `${percent(detected, replications)}, stop ${median(stops)}`;
  });
  lines.push(`| ${cell.name}: detected, median stop | ${cells.join(' | ')} |`);
  process.stderr.write('.');
});
process.stderr.write(`\n${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(lines.join('\n') + '\n');
