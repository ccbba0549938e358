/** Judge time for 100 series x 10,000 points per window, on seeded lognormal data with a few regressions. */
import { judgeCheck } from '../src/judge/index.js';
import { mulberry32 } from '../src/seeded-random.js';
import type { CheckSpec } from '../src/spec-model.js';
import type { Series } from '../src/types.js';
import { median, ms, timeAsync } from './measure.js';

function lognormalSeries(random: () => number, route: number, points: number, start: number, factor: number): Series {
  const values = Array.from({ length: points }, (_, i) => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return { t: start + i * 15, v: factor * 0.2 * Math.exp(0.3 * z) };
  });
  return { labels: { route: `/r${route}` }, points: values };
}

const check: CheckSpec = {
  name: 'latency',
  source: 'prom',
  query: 'x',
  direction: 'increase',
  tolerance: 0.1,
  confidence: 0.95,
  step: 15,
  aggregate: 'mean',
  critical: true,
  minSamples: 5,
  ignoreLabels: [],
  positions: {},
};

export interface JudgeTimeResult {
  seconds: number;
  series: number;
  points: number;
  failed: number;
}

export async function benchJudge(series = 100, points = 10_000, repeats = 5): Promise<JudgeTimeResult> {
  const random = mulberry32(42); // the benchmark data is the same on every run
  const baseline = Array.from({ length: series }, (_, i) => lognormalSeries(random, i, points, 0, 1));
  // Every tenth route regresses by 20%, so the judge does its full work on some series.
  const candidate = Array.from({ length: series }, (_, i) =>
    lognormalSeries(random, i, points, 1e6, i % 10 === 0 ? 1.2 : 1),
  );
  let failed = 0;
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    times.push(
      await timeAsync(async () => {
        failed = judgeCheck(check, baseline, candidate, 'before-after').series.filter(
          (s) => s.verdict === 'fail',
        ).length;
      }),
    );
  }
  return { seconds: median(times), series, points, failed };
}

export function renderJudge(r: JudgeTimeResult): string {
  return `| judge, ${r.series} series x ${r.points.toLocaleString('en')} points per window (${r.failed} regressed) | ${ms(r.seconds)} (median of 5) | | < 1 s |`;
}
