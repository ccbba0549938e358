/**
 * A series that exists only after the deploy, read from the real Prometheus and VictoriaMetrics
 * (the fixture scenario `new-error-series`): /pay never answered a 5xx before the deploy, so
 * `sum by (route, code)` of the 5xx rate has no /pay series in the baseline; after the deploy
 * /pay answers 5% 5xx. Those series are judged against 0 before the deploy and fail the run
 * (exit 1), with an error annotation on GitHub, instead of being listed and left out.
 */
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { renderScenarioSpec } from './harness/render-spec.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { SCENARIOS } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const state = loadHarnessState();
const specs = createSpecDir();
afterAll(() => specs.remove());

const scenario = SCENARIOS['new-error-series'];
const BACKENDS: [string, string][] = [['prometheus', state.url]];
if (state.victoriaMetricsUrl) BACKENDS.push(['victoria-metrics', state.victoriaMetricsUrl]);

describe.each(BACKENDS)('errors on a route that had none before the deploy (%s)', (backend, url) => {
  test('the new /pay series fail against 0 before the deploy: exit 1 and an error annotation', async () => {
    const spec = specs.write(`one-sided-${backend}.yaml`, renderScenarioSpec(scenario));
    const result = await runCli(
      ['run', spec, '--deployed-at', scenario.deployedAt, '--format', 'json', '--var', `PROMETHEUS_URL=${url}`],
      { GITHUB_ACTIONS: 'true' },
    );
    expectExit(result, 1);
    const report = parseReport(result);
    expect({ verdict: report.verdict, exitCode: report.exitCode }).toEqual({ verdict: 'fail', exitCode: 1 });
    const check = report.checks[0]!;
    type Judged = { labels: Record<string, string>; verdict: string; reason: string; presence?: string };
    const pay = (check.series as Judged[]).filter((s) => s.labels['route'] === '/pay');
    // Both 5xx codes of /pay appear after the deploy; each is judged, and each is a rise from 0.
    expect(pay.map((s) => [s.labels['code'], s.verdict, s.presence]).sort()).toEqual([
      ['500', 'fail', 'candidate-only'],
      ['503', 'fail', 'candidate-only'],
    ]);
    for (const s of pay)
      expect(s.reason).toMatch(/^only after the deploy, judged against 0 before it: .*beyond tolerance 25%/);
    // The routes that had errors before are paired as usual and did not regress.
    expect(check.series.filter((s) => s.labels['route'] !== '/pay').map((s) => s.verdict)).toEqual(
      Array(6).fill('pass'),
    );
    const { unmatched } = check as unknown as { unmatched: { candidate: Record<string, string>[] } };
    expect(unmatched.candidate.map((l) => `${l['route']} ${l['code']}`).sort()).toEqual(['/pay 500', '/pay 503']);
    expect(result.stderr).toMatch(/^::error title=[^\n]*errors by route and code[^\n]*::[^\n]*route=\/pay/m);
  });
});
