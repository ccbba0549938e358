/**
 * How the Beta concentration k of the count test (src/judge/sequential/bayes-factor.ts) was
 * chosen: the count cells of `npm run bench:sequential`, each replication's looks judged by every
 * candidate rule at once (the same draws for all, so the differences are not sampling noise
 * between rules): the one-sided mixture BF+ of the live stop rule at each k, and the two-sided
 * mixture with a bad-side condition (the rule before it) at each k.
 * Usage: node .bench-build/bench/sequential/tune-concentration.js [replications=1000] [seed=20261128] [k,k,...]
 *
 * k is a fixed constant of the test, never chosen from the data: any fixed k keeps Ville's bound;
 * what it trades is how soon a 2x rate is detected against how soon larger shifts are.
 */
import { DEFAULT_MIN_TRAFFIC } from '../../src/judge/count/classify-counts.js';
import { sumSteps, type CountSide } from '../../src/judge/count/count-series.js';
import { logShareBayesFactor, nullShare } from '../../src/judge/sequential/bayes-factor.js';
import { sequentialDispersions } from '../../src/judge/sequential/sequential-dispersion.js';
import { decideSequentialStop } from '../../src/judge/sequential/stop-rule.js';
import { seededRng } from '../judge-sim/random.js';
import { ALPHA, TOLERANCE } from './detect.js';
import { drawCounts, STEP, WINDOW_STEPS, type CountTraffic } from './traffic.js';

const replications = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20261128);
const ks = (process.argv[4] ?? '10,15,25,50,100').split(',').map(Number);
const LONG_LOOKS = 200;

interface Rule {
  name: string;
  stops: (baseline: { events: number; trials: number }, candidate: { events: number; trials: number }) => boolean;
}

const rules: Rule[] = ks.flatMap((k): Rule[] => [
  {
    name: `one-sided k=${k}`,
    stops: (baseline, candidate) =>
      decideSequentialStop({
        baseline,
        candidate,
        tolerance: TOLERANCE,
        direction: 'increase',
        alpha: ALPHA,
        concentration: k,
      }).stop,
  },
  {
    name: `two-sided k=${k}`,
    stops: (baseline, candidate) => {
      const theta0 = nullShare(candidate.trials, baseline.trials, TOLERANCE, 'increase');
      const events = baseline.events + candidate.events;
      if (events <= 0) return false;
      return (
        candidate.events / events > theta0 &&
        logShareBayesFactor(candidate.events, baseline.events, theta0, k) >= Math.log(1 / ALPHA)
      );
    },
  },
]);

/** Per rule, the seconds after the window's start of its first stop within `looks`, or null. */
function firstStops(baseline: CountSide, candidate: CountSide, looks: number): (number | null)[] {
  const stops: (number | null)[] = rules.map(() => null);
  const b = sumSteps(baseline);
  if (b.trials < DEFAULT_MIN_TRAFFIC) return stops;
  for (let t = 1; t <= Math.min(looks, candidate.steps.length) && stops.includes(null); t++) {
    const prefix = candidate.steps.slice(0, t);
    const c = sumSteps({ ...candidate, steps: prefix });
    if (c.trials < DEFAULT_MIN_TRAFFIC) continue;
    // The deflation of look-series.ts, shared by every rule.
    const [db, dc] = sequentialDispersions(baseline.steps, prefix);
    const bt = { events: b.events / db, trials: b.trials / db };
    const ct = { events: c.events / dc, trials: c.trials / dc };
    rules.forEach((rule, i) => {
      if (stops[i] === null && rule.stops(bt, ct)) stops[i] = t * STEP;
    });
  }
  return stops;
}

/** The q-quantile of the stop times in seconds, runs that never stopped counting as later than any. */
function quantile(stops: (number | null)[], q: number, looks: number): string {
  const sorted = stops.map((s) => s ?? Infinity).sort((x, y) => x - y);
  const v = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return Number.isFinite(v) ? `${v}` : `> ${looks * STEP}`;
}

const rate = (k: number, n: number): string =>
  `${((100 * k) / n).toFixed(1)}% ± ${(100 * Math.sqrt(((k / n) * (1 - k / n)) / n)).toFixed(1)}`;

const cells: { name: string; traffic: CountTraffic; looks: number }[] = [
  { name: 'errors 1% x2', traffic: { rps: 10, rate: 0.01, ratio: 2 }, looks: WINDOW_STEPS },
  { name: 'errors 1% x5', traffic: { rps: 10, rate: 0.01, ratio: 5 }, looks: WINDOW_STEPS },
  { name: 'errors 5% x2', traffic: { rps: 10, rate: 0.05, ratio: 2 }, looks: WINDOW_STEPS },
  { name: 'errors 5% x5', traffic: { rps: 10, rate: 0.05, ratio: 5 }, looks: WINDOW_STEPS },
  { name: 'errors 1% no change (200 looks)', traffic: { rps: 10, rate: 0.01, ratio: 1 }, looks: LONG_LOOKS },
  { name: 'errors 5% no change (200 looks)', traffic: { rps: 10, rate: 0.05, ratio: 1 }, looks: LONG_LOOKS },
  {
    name: 'errors 1% bursty, no change (200 looks)',
    traffic: { rps: 10, rate: 0.01, ratio: 1, burstShape: 2 },
    looks: LONG_LOOKS,
  },
  { name: 'errors 5% x1.1, the edge (200 looks)', traffic: { rps: 10, rate: 0.05, ratio: 1.1 }, looks: LONG_LOOKS },
  { name: 'errors 1% x1.1, the edge (200 looks)', traffic: { rps: 10, rate: 0.01, ratio: 1.1 }, looks: LONG_LOOKS },
];

/** Issue 7's target: a verdict within 25% of the 10-minute window. */
const TARGET = 150;

process.stdout.write(
  `${replications} replications per cell, seed ${seed}, alpha ${ALPHA}, tolerance ${TOLERANCE * 100}%\n\n` +
    `| cell | rule | median s | p90 s | stopped by ${TARGET} s | stopped at all |\n| --- | --- | --- | --- | --- | --- |\n`,
);
cells.forEach((cell, ci) => {
  const rng = seededRng(seed + 7919 * ci);
  const perRule: (number | null)[][] = rules.map(() => []);
  for (let r = 0; r < replications; r++) {
    const { baseline, candidate } = drawCounts(rng, cell.traffic, cell.looks);
    firstStops(baseline, candidate, cell.looks).forEach((s, i) => perRule[i]!.push(s));
  }
  rules.forEach((rule, i) => {
    const stops = perRule[i]!;
    const stopped = stops.filter((s) => s !== null).length;
    const early = stops.filter((s) => s !== null && s <= TARGET).length;
    process.stdout.write(
      `| ${cell.name} | ${rule.name} | ${quantile(stops, 0.5, cell.looks)} | ${quantile(stops, 0.9, cell.looks)} | ${rate(early, replications)} | ${rate(stopped, replications)} |\n`,
    );
  });
});
