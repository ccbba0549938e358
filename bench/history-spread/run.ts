/**
 * `npm run bench:history`: the time `baseline.history` spends measuring the spread of a check's
 * series (src/judge/history/spread.ts), 24h of history at a 15 s step around a 30m baseline and a
 * 10m post window (121/41 points, as in bench/judge-sim), for a check of 200 series. The data are
 * seeded AR(1) lognormal latencies, the same on every run; the spreads are printed as a checksum
 * so a faster measure can be seen to give the same numbers.
 */
import { createHash } from 'node:crypto';
import { measureHistorySpread, type HistoryGeometry } from '../../src/judge/history/spread.js';
import { mulberry32 } from '../../src/seeded-random.js';
import type { Point } from '../../src/types.js';
import { median, ms } from '../measure.js';

const STEP = 15;
const HISTORY = 24 * 3600;
const SERIES = Number(process.env.BENCH_SERIES ?? 200);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

function series(random: () => number, phi: number): Point[] {
  const points: Point[] = [];
  let x = 0;
  for (let t = 0; t <= HISTORY; t += STEP) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    x = phi * x + Math.sqrt(1 - phi * phi) * z;
    points.push({ t, v: 0.2 * Math.exp(0.3 * x) });
  }
  return points;
}

const random = mulberry32(7);
const data = Array.from({ length: SERIES }, (_, i) => series(random, [0, 0.9, 0.99][i % 3]!));
const geometry: HistoryGeometry = { baseline: 1800, gap: 0, post: 600, start: 0, end: HISTORY };

const times: number[] = [];
let digest = '';
let moments = 0;
for (let r = 0; r < REPEATS; r++) {
  const start = process.hrtime.bigint();
  const measured = data.map((points) => measureHistorySpread(points, geometry, 5));
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  digest = createHash('sha256').update(JSON.stringify(measured)).digest('hex').slice(0, 16);
  moments = measured.reduce((n, m) => n + ('moments' in m ? m.moments : 0), 0);
}
const seconds = median(times);
process.stdout.write(
  [
    `node ${process.version}, ${new Date().toISOString()}`,
    '',
    '| measure | result | per series | per past moment | spreads (sha256) |',
    '| --- | --- | --- | --- | --- |',
    `| history spread, ${SERIES} series x 24h at ${STEP} s (121/41 points a moment, ${moments} moments) | ${ms(seconds)} (median of ${REPEATS}) | ${ms(seconds / SERIES)} | ${((seconds / moments) * 1e6).toFixed(0)} µs | ${digest} |`,
    '',
  ].join('\n'),
);
