/**
 * Count checks against the real Prometheus: errors and requests counted per 30s step with
 * `increase(...[30s])` at step 30s, judged as counts over the 30m baseline and the 10m post window.
 */
import { countSpec, errorCountLines } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { parseReport, runCli, runSpec } from './harness/run-cli.js';
import { SCENARIOS } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
afterAll(() => specs.remove());

async function runCounts(job: keyof typeof SCENARIOS, extra: string[] = []) {
  const spec = specs.write(`${job}-${extra.length}.yaml`, countSpec([], errorCountLines(job, extra)));
  return runSpec(spec, SCENARIOS[job].deployedAt, url);
}

describe('count checks (numerator / denominator)', () => {
  test('error-regression: 0.5% -> 5% of ~5000 requests a step fails', async () => {
    const result = await runCounts('error-regression');
    expectExit(result, 1);
    const check = parseReport(result).checks[0];
    expect(check?.verdict).toBe('fail');
  });

  test('healthy: the same error share on both sides passes', async () => {
    const result = await runCounts('healthy');
    expectExit(result, 0);
    expect(parseReport(result).checks[0]?.verdict).toBe('pass');
  });

  test('too little traffic for minTraffic is inconclusive, never pass', async () => {
    // About 324,000 requests in the baseline window: a guard of 10 million is not met.
    const result = await runCounts('healthy', ['    minTraffic: 10000000']);
    expectExit(result, 3);
    const check = parseReport(result).checks[0];
    expect(check?.verdict).toBe('inconclusive');
  });

  test('a range other than the step is a spec error at its line and column', async () => {
    const lines = errorCountLines('healthy').map((line) => line.replace('code=~"5.."}[30s]', 'code=~"5.."}[1m]'));
    const spec = specs.write('bad-range.yaml', countSpec([], lines));
    const result = await runCli(['validate', spec, '--var', `PROMETHEUS_URL=${url}`]);
    expectExit(result, 2);
    // Line 13 is the numerator; its query starts at column 17 and `1m` is 60 characters into it.
    expect(result.stderr).toContain(
      `${spec}:13:77: the range [1m] in numerator of check "error count" must equal the check's step (30s)`,
    );
  });
});
