/**
 * A 10-check run against a local Prometheus (the integration fixture) against the sum of the
 * backend's own times for the same queries, each sent alone. Queries run in parallel in a run, so
 * the run should cost no more than the queries themselves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeRun } from '../src/gate/execute.js';
import { planRun } from '../src/gate/plan.js';
import { createSource } from '../src/sources/index.js';
import type { Source } from '../src/sources/types.js';
import { parseSpec } from '../src/spec-file/parse.js';
import { errorRatioQuery, p95Query, throughputQuery } from '../test/integration/harness/queries.js';
import { renderSpec, type SpecCheck } from '../test/integration/harness/render-spec.js';
import { SCENARIOS } from '../test/integration/harness/scenarios.js';
import { startHarness } from '../test/integration/harness/start-harness.js';
import { median, ms, timeAsync } from './measure.js';

const scenario = SCENARIOS['multi-route'];
const sel = `job="${scenario.job}"`;
const quantile = (q: number, by?: string): string =>
  `histogram_quantile(${q}, sum by (${by ? `${by}, ` : ''}le) (rate(http_request_duration_seconds_bucket{${sel}}[1m])))`;
const CHECKS: SpecCheck[] = [
  { name: 'error ratio', query: errorRatioQuery(sel), direction: 'increase', tolerance: '25%' },
  { name: 'error ratio by route', query: errorRatioQuery(sel, 'route'), direction: 'increase', tolerance: '25%' },
  { name: 'p95', query: p95Query(sel), direction: 'increase', tolerance: '10%' },
  { name: 'p95 by route', query: p95Query(sel, 'route'), direction: 'increase', tolerance: '10%' },
  { name: 'p50', query: quantile(0.5), direction: 'increase', tolerance: '10%' },
  { name: 'p99', query: quantile(0.99), direction: 'increase', tolerance: '10%' },
  { name: 'p99 by route', query: quantile(0.99, 'route'), direction: 'increase', tolerance: '10%' },
  { name: 'throughput', query: throughputQuery(sel), direction: 'decrease', tolerance: '10%' },
  { name: 'throughput by route', query: throughputQuery(sel, 'route'), direction: 'decrease', tolerance: '10%' },
  { name: 'throughput by instance', query: throughputQuery(sel, 'instance'), direction: 'decrease', tolerance: '10%' },
];

export interface RunVsQueriesResult {
  queries: number;
  sumOfQueries: number;
  run: number;
  cli: number;
  ratio: number;
}

export async function benchRunVsQueries(binPath: string, repeats = 7): Promise<RunVsQueriesResult> {
  const harness = await startHarness();
  const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-bench-'));
  try {
    const vars = { PROMETHEUS_URL: harness.prometheus.url };
    const text = renderSpec({ name: 'bench', checks: CHECKS });
    const specFile = join(dir, 'bench.yaml');
    writeFileSync(specFile, text);
    const { spec, issues } = parseSpec(text, specFile, { vars, env: {} });
    if (!spec) throw new Error(`bench spec invalid: ${JSON.stringify(issues)}`);
    const plan = planRun(spec, Date.parse(scenario.deployedAt) / 1000);
    const source: Source = createSource(spec.sources.prom as NonNullable<typeof spec.sources.prom>);
    const distinct = new Map(plan.checks.flatMap((c) => [c.baseline, c.candidate]).map((q) => [JSON.stringify(q), q]));
    const signal = new AbortController().signal;
    // Warm the server's caches once so neither side pays the first-touch cost.
    for (const q of distinct.values()) await source.fetchRange(q.query, q.range, signal);

    const sums: number[] = [];
    const runs: number[] = [];
    const clis: number[] = [];
    for (let r = 0; r < repeats; r++) {
      let sum = 0;
      for (const q of distinct.values()) sum += await timeAsync(() => source.fetchRange(q.query, q.range, signal));
      sums.push(sum);
      runs.push(await timeAsync(() => executeRun('bench', plan, { prom: source }, signal, 0, () => 0)));
      clis.push(
        await timeAsync(async () => {
          spawnSync(process.execPath, [
            binPath,
            'run',
            specFile,
            '--deployed-at',
            scenario.deployedAt,
            '--format',
            'json',
            '--var',
            `PROMETHEUS_URL=${vars.PROMETHEUS_URL}`,
          ]);
        }),
      );
    }
    const result = {
      queries: distinct.size,
      sumOfQueries: median(sums),
      run: median(runs),
      cli: median(clis),
      ratio: 0,
    };
    result.ratio = result.run / result.sumOfQueries;
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await harness.stop();
  }
}

export function renderRunVsQueries(r: RunVsQueriesResult): string {
  return [
    `| 10-check run (in process) vs the sum of its ${r.queries} queries sent one at a time | ${ms(r.run)} vs ${ms(r.sumOfQueries)} (median of 7) | ${r.ratio.toFixed(2)}x | <= 1.2x |`,
    `| the same run as a CLI process (start, spec, queries, judge, report) | ${ms(r.cli)} | | |`,
  ].join('\n');
}
