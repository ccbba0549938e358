/**
 * `verify-deploy run` against the real Prometheus, one fixture scenario per test: the exit code,
 * the run's verdict, every check's verdict and, for per-route queries, which series failed.
 * The data behind each expectation is checked on its own in fixture-data.test.ts. Every scenario
 * runs against Prometheus and against VictoriaMetrics loaded with the same samples.
 */
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { renderScenarioSpec } from './harness/render-spec.js';
import { parseReport, runSpec } from './harness/run-cli.js';
import { SCENARIO_LIST, type Scenario } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const state = loadHarnessState();
const specs = createSpecDir();
afterAll(() => specs.remove());

/** The same data in both backends; the same verdicts are expected from both. */
const BACKENDS: [string, string][] = [['prometheus', state.url]];
if (state.victoriaMetricsUrl) BACKENDS.push(['victoria-metrics', state.victoriaMetricsUrl]);
else throw new Error('the harness did not start victoria-metrics (see global-setup.ts)');

describe.each(BACKENDS)('run --format json on each fixture scenario against %s', (backend, url) => {
  test.each(SCENARIO_LIST.map((scenario) => [scenario.job, scenario] as const))(
    '%s',
    async (_job, scenario: Scenario) => {
      const spec = specs.write(`${backend}-${scenario.job}.yaml`, renderScenarioSpec(scenario));
      const result = await runSpec(spec, scenario.deployedAt, url);
      expectExit(result, scenario.expected.exitCode);
      const report = parseReport(result);
      expect({ verdict: report.verdict, exitCode: report.exitCode }).toEqual(scenario.expected);
      expect(Date.parse(report.deployedAt)).toBe(Date.parse(scenario.deployedAt));

      const verdicts = Object.fromEntries(report.checks.map((check) => [check.name, check.verdict]));
      expect(verdicts).toEqual(Object.fromEntries(scenario.checks.map((plan) => [plan.name, plan.expected])));

      for (const plan of scenario.checks.filter((p) => p.failingSeries)) {
        const check = report.checks.find((c) => c.name === plan.name);
        // Every route is judged on its own, and only the regressed one fails.
        expect(
          check?.series.map((s) => s.labels).sort((a, b) => String(a.route).localeCompare(String(b.route))),
        ).toEqual(scenario.routes.map((route) => ({ route })).sort((a, b) => a.route.localeCompare(b.route)));
        expect(check?.series.filter((s) => s.verdict === 'fail').map((s) => s.labels)).toEqual(plan.failingSeries);
      }
    },
  );
});
