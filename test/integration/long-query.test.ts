/**
 * A long PromQL expression that Prometheus accepts passes validation and is judged: a 1000-term
 * sum of the healthy job's throughput, sent to the real test Prometheus, which answers it, and
 * judged a pass on the healthy deploy like the one-term query.
 */
import { expectExit } from './harness/expect-exit.js';
import { throughputQuery } from './harness/queries.js';
import { renderSpec } from './harness/render-spec.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { SCENARIOS } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const healthy = SCENARIOS.healthy;

test('a 1000-term sum validates (exit 0) and the real Prometheus answers it: judged a pass', async () => {
  const term = throughputQuery(`job="${healthy.job}"`);
  const query = Array.from({ length: 1000 }, () => term).join(' + ');
  const spec = specs.write(
    'long-query.yaml',
    renderSpec({
      name: 'long query',
      checks: [{ name: 'throughput x1000', query, direction: 'decrease', tolerance: '10%' }],
    }),
  );

  expectExit(await runCli(['validate', spec]), 0);
  const result = await runCli(['run', spec, '--deployed-at', healthy.deployedAt, '--format', 'json']);
  expectExit(result, 0);
  const check = parseReport(result).checks[0];
  expect(check?.error).toBeUndefined();
  expect(check?.verdict).toBe('pass');
});
