/**
 * `npm run bench:judge`: a seeded Monte Carlo of the judge against plain Mann-Whitney on points,
 * Kayenta's rule and the optimal-test bound, per cell: fail rate (a false alarm in no-change
 * cells, power elsewhere), inconclusive rate, and their Monte Carlo standard errors.
 * Usage: node .bench-build/bench/judge-sim/run.js [replications=1000] [seed=20261127] [--large]
 * (--large adds the point cells at 601 / 201 points: several more minutes at 1000 replications;
 * --only=TEXT (or --cells=TEXT) runs the cells whose group or name contains TEXT).
 */
import { normalCdf, normalQuantile } from '../../src/judge/index.js';
import { buildCells, type Cell, type CountDraw } from './cells.js';
import { benchCheck, judgeBinomialBound, judgeKayenta, judgeOurs, judgePlain, type Outcome } from './methods.js';
import { seededRng } from './random.js';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** --only=TEXT runs only the cells whose group or name contains TEXT (seeds stay those of the full run). */
const only = process.argv.find((a) => /^--(only|cells)=/.test(a))?.replace(/^--(only|cells)=/, '');
const replications = Number(positional[0] ?? 1000);
const seed = Number(positional[1] ?? 20261127);
const ALPHA = 0.05;

interface Tally {
  fail: number;
  inconclusive: number;
}

const rate = (k: number, r: number): string => {
  const p = k / r;
  return `${(100 * p).toFixed(1)}% ± ${(100 * Math.sqrt((p * (1 - p)) / r)).toFixed(1)}`;
};

function runCell(cell: Cell, index: number): string {
  const rng = seededRng(seed + 7919 * index);
  const check = benchCheck(cell.direction, cell.step);
  const tallies = {
    ours: { fail: 0, inconclusive: 0 },
    plain: { fail: 0, inconclusive: 0 },
    kayenta: { fail: 0, inconclusive: 0 },
  };
  let boundHits = 0;
  const count = (t: Tally, o: Outcome): void => {
    if (o === 'fail') t.fail++;
    else if (o === 'inconclusive') t.inconclusive++;
  };
  for (let r = 0; r < replications; r++) {
    const draw = cell.draw(rng);
    count(tallies.ours, judgeOurs(draw, check));
    count(tallies.plain, judgePlain(draw, check));
    count(tallies.kayenta, judgeKayenta(draw, check));
    if (cell.bound === 'binomial' && judgeBinomialBound(draw as CountDraw, check)) boundHits++;
  }
  const bound =
    cell.bound === undefined
      ? ''
      : cell.bound === 'binomial'
        ? rate(boundHits, replications)
        : `${(100 * cell.bound).toFixed(1)}%`;
  const what = cell.null ? 'false alarm' : 'fail (power)';
  return `| ${cell.group} | ${cell.name} | ${what} | ${rate(tallies.ours.fail, replications)} | ${rate(tallies.ours.inconclusive, replications)} | ${rate(tallies.plain.fail, replications)} | ${rate(tallies.kayenta.fail, replications)} | ${bound} |`;
}

const started = Date.now();
const sizes: [number, number][] = [[61, 21]];
if (process.argv.includes('--large')) sizes.push([601, 201]);
const lines = [
  `node ${process.version}, ${replications} replications per cell, seed ${seed}, alpha ${ALPHA} (confidence 95%), tolerance 10%`,
  '',
  '| cell | case | column means | ours: fail | ours: inconclusive | plain MW: fail | Kayenta: fail | optimal bound |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const [n, m] of sizes) {
  // At the larger size only the point cells are run: count cells are defined per post window, not per point.
  const cells = buildCells(ALPHA, normalCdf, normalQuantile, n, m);
  cells.forEach((cell, i) => {
    if (n !== 61 && /^errors|^low traffic|history/.test(cell.group)) return;
    if (only !== undefined && !`${cell.group} ${cell.name}`.includes(only)) return;
    const line = runCell(cell, i);
    lines.push(n === 61 ? line : line.replace(/^\| ([^|]+)\|/, `| $1(${n}/${m}) |`));
    process.stderr.write('.');
  });
}
process.stderr.write(`\n${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(lines.join('\n') + '\n');
