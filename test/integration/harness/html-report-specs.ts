/** Specs whose HTML reports the Chromium test opens: one per way the charts lay out time. */
import { countSpec, errorCountLines, p95Lines } from './count-spec.js';
import { errorRatioQuery, p95Query } from './queries.js';
import { renderScenarioSpec } from './render-spec.js';
import { SCENARIOS } from './scenarios.js';

/** YAML single quotes: PromQL never needs a `'` here. */
const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A query check whose rate() ranges equal the 30s step, so the spec draws no overlap warning. */
function queryCheck(name: string, query: string, tolerance: string): string[] {
  const atStep = query.replace(/\[1m\]/g, '[30s]');
  return [
    `  - name: ${quote(name)}`,
    '    source: prom',
    `    query: ${quote(atStep)}`,
    '    direction: increase',
    `    tolerance: ${tolerance}`,
  ];
}

export interface ReportSpec {
  /** File name stem of the spec and its report. */
  name: string;
  yaml: string;
  deployedAt: string;
  /** The CLI's exit code for it (1 when a critical check fails). */
  exitCode: 0 | 1;
}

const multiRoute = SCENARIOS['multi-route'];

/** Before/after on multi-route with a 1m warmup: p95 by route fails on /pay only, the error ratio and the error count pass. */
export const BEFORE_AFTER: ReportSpec = {
  name: 'before-after',
  deployedAt: multiRoute.deployedAt,
  exitCode: 1,
  yaml: countSpec(
    ['deploy: {warmup: 1m}', 'baseline: {window: 30m}', 'post: {window: 10m}'],
    [
      ...queryCheck('p95 latency by route', p95Query(`job="${multiRoute.job}"`, 'route'), '10%'),
      ...queryCheck('error ratio', errorRatioQuery(`job="${multiRoute.job}"`), '25%'),
      ...errorCountLines(multiRoute.job),
    ],
  ),
};

/** Canary: stable and canary tracks side by side over the post window; the canary's errors fail. */
export const CANARY: ReportSpec = {
  name: 'canary',
  deployedAt: SCENARIOS.canary.deployedAt,
  exitCode: 1,
  yaml: renderScenarioSpec(SCENARIOS.canary),
};

/** baseline.offset 1h on the hourly pattern: the baseline is drawn shifted onto the post window's clock. */
export const OFFSET: ReportSpec = {
  name: 'offset',
  deployedAt: SCENARIOS['hourly-pattern'].deployedAt,
  exitCode: 0,
  yaml: countSpec(
    ['baseline: {window: 10m, offset: 1h}', 'post: {window: 10m}'],
    p95Lines(SCENARIOS['hourly-pattern'].job),
  ),
};
