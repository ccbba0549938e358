/**
 * The growth test's designs compared on the judge's own draws (docs/benchmarks.md, "Slow burns:
 * the post window weighted toward its end"): for each cell, the share of draws where the verdict
 * would fail if the shift test (the judge's Mann-Whitney against the tolerance) and a growth test
 * were combined by weighted Simes with `share` of alpha to the shift test (0: the growth test
 * alone). Growth tests: the time-weighted Mann-Whitney the judge uses (`rank`) and a weighted mean
 * of the logs with Student's t (`mean`), weights 1 + c u or u^k toward the window's end.
 * Usage: node .bench-build/bench/judge-sim/growth-designs.js [replications=1000] TEXT... (cells
 * whose group or name contains a TEXT; seeds are those of run.ts).
 */
import { normalCdf, normalQuantile } from '../../src/judge/index.js';
import { cleanPoints } from '../../src/judge/clean.js';
import { compareSamples } from '../../src/judge/compare.js';
import { testGrowth } from '../../src/judge/drift.js';
import { longRunOf } from '../../src/judge/stats/long-run-variance.js';
import { studentTSurvival } from '../../src/judge/stats/student-t.js';
import { fitPostWindowLine } from '../../src/judge/stats/trend.js';
import { buildCells, type PointDraw } from './cells.js';
import { benchCheck } from './methods.js';
import { seededRng } from './random.js';

const positional = process.argv.slice(2);
const replications = Number(positional[0] ?? 1000);
const wanted = positional.slice(1);
const SEED = 20261127;
const ALPHA = 0.05;
const LEANS: Record<string, (u: number) => number> = {
  '1+2u': (u) => 1 + 2 * u,
  '1+3u': (u) => 1 + 3 * u,
  '1+4u': (u) => 1 + 4 * u,
  u: (u) => u,
  'u^2': (u) => u * u,
};
const SHARES = [0.9, 0.5, 0.1, 0.05, 0];

const simes = (pShift: number, pGrowth: number, share: number): number =>
  Math.min(1, share > 0 ? pShift / share : 1, share < 1 ? pGrowth / (1 - share) : 1, Math.max(pShift, pGrowth));

buildCells(ALPHA, normalCdf, normalQuantile, 61, 21).forEach((cell, index) => {
  const label = `${cell.group} ${cell.name}`;
  if (!wanted.some((w) => label.includes(w))) return;
  const rng = seededRng(SEED + 7919 * index);
  const check = benchCheck(cell.direction, cell.step);
  const hits = new Map<string, number>();
  const tally = (key: string): void => void hits.set(key, (hits.get(key) ?? 0) + 1);
  for (let r = 0; r < replications; r++) {
    const draw = cell.draw(rng) as PointDraw;
    const b = cleanPoints(draw.baseline.points);
    const c = cleanPoints(draw.candidate.points);
    const shift = compareSamples(b, c, check);
    const beyond = shift.decidable && shift.relativeChange !== null && shift.relativeChange > check.tolerance;
    const pShift = beyond ? shift.pValue : 1;
    const logB = b.ordered.map(Math.log);
    const logC = c.ordered.map(Math.log);
    const longRun = longRunOf([logB]);
    for (const [name, lean] of Object.entries(LEANS)) {
      const rank = testGrowth(b, c, check, ALPHA, lean)?.pValue ?? 1;
      const fit = fitPostWindowLine(
        logB,
        c.times,
        logC,
        longRun.persistence,
        longRun.factorFor(logB.length),
        longRun.degreesOfFreedom,
        lean,
      );
      const mean =
        fit === null
          ? 1
          : studentTSurvival(
              (fit.line.level - Math.log1p(check.tolerance)) / fit.line.levelError,
              fit.line.degreesOfFreedom,
            );
      for (const share of SHARES) {
        if (simes(pShift, rank, share) < ALPHA) tally(`rank ${name} @${share}`);
        if (simes(pShift, mean, share) < ALPHA) tally(`mean ${name} @${share}`);
      }
    }
  }
  process.stdout.write(`## ${label} (${replications} replications)\n`);
  for (const kind of ['rank', 'mean']) {
    for (const name of Object.keys(LEANS)) {
      const row = SHARES.map(
        (s) => `@${s} ${((100 * (hits.get(`${kind} ${name} @${s}`) ?? 0)) / replications).toFixed(1)}%`,
      );
      process.stdout.write(`${kind} ${name}: ${row.join(', ')}\n`);
    }
  }
});
