/** Runs with judged points for the HTML chart tests: known times, known values, nothing random. */
import type { CheckResult, Point, RunResult } from '../../../src/types.js';
import { buildRunResult, buildSeries } from '../../fixtures/reports/run-result.js';

/** 2026-11-26T10:00:00Z, the deploy of every run here. */
export const DEPLOY = Date.parse('2026-11-26T10:00:00Z') / 1000;

/** Points every `step` seconds over [from, to], with values from `value(index)`. */
export function pointsEvery(from: number, to: number, step: number, value: (index: number) => number): Point[] {
  const points: Point[] = [];
  for (let t = from, i = 0; t <= to; t += step, i++) points.push({ t, v: value(i) });
  return points;
}

/**
 * Before/after: baseline 09:30 to 10:00, deploy 10:00, warmup to 10:01, post 10:01 to 10:11, 30s steps.
 * The baseline sits at 0.2 and the candidate at 0.4 (a latency that doubled).
 */
export function buildCheckWithSamples(name = 'p95 latency'): CheckResult {
  const baseline = pointsEvery(DEPLOY - 1800, DEPLOY, 30, (i) => 0.2 + (i % 3) * 0.01);
  const candidate = pointsEvery(DEPLOY + 60, DEPLOY + 660, 30, (i) => 0.4 + (i % 3) * 0.01);
  return {
    name,
    verdict: 'fail',
    critical: true,
    reason: 'median up 100% (tolerance 10%)',
    series: [
      buildSeries(
        { route: '/pay' },
        {
          verdict: 'fail',
          reason: 'median up 100% (tolerance 10%)',
          relativeChange: 1,
          relativeChangeInterval: [0.9, 1.1],
          pValue: 0.00001,
          samples: { baseline, candidate },
        },
      ),
    ],
    unmatched: { baseline: [], candidate: [] },
  };
}

/** A run whose windows match buildCheckWithSamples, holding the given checks. */
export function buildChartRun(checks: CheckResult[]): RunResult {
  return buildRunResult({
    deployedAt: '2026-11-26T10:00:00Z',
    windows: {
      baseline: { start: '2026-11-26T09:30:00Z', end: '2026-11-26T10:00:00Z' },
      post: { start: '2026-11-26T10:01:00Z', end: '2026-11-26T10:11:00Z' },
    },
    checks,
    notes: [],
  });
}
