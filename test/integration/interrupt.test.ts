/**
 * SIGINT / SIGTERM while `run` waits for the post window: the partial report is still written and
 * the exit code is never 0 (an aborted run cannot pass), nor 4 (it is not a bug).
 */
import { loadHarnessState } from './harness/harness-state.js';
import { errorRatioQuery } from './harness/queries.js';
import { renderSpec } from './harness/render-spec.js';
import { describeRun, parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
afterAll(() => specs.remove());

test.each(['SIGINT', 'SIGTERM'] as const)('%s while waiting: partial JSON report, exit 3', async (signal) => {
  const spec = specs.write(
    `interrupt-${signal}.yaml`,
    renderSpec({
      name: 'interrupted',
      checks: [
        { name: 'error ratio', query: errorRatioQuery('job="healthy"'), direction: 'increase', tolerance: '25%' },
      ],
    }),
  );
  // Deployed a minute ago with a 10m post window: the run has nine minutes to wait.
  const result = await runCli(
    ['run', spec, '--deployed-at', '-1m', '--format', 'json', '--var', `PROMETHEUS_URL=${url}`],
    {},
    { signal, whenStderrHas: 'waiting' },
  );
  expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 3 });
  const report = parseReport(result);
  expect(report.verdict).toBe('inconclusive');
  expect(report.checks[0]?.verdict).toBe('inconclusive');
  expect(result.stderr).toContain(`${signal}: stopping`);
});

test('SIGINT with --on-inconclusive pass: still exit 3, since an aborted run never passes (the report says the window was cut short)', async () => {
  // The same healthy job: judged on the minute there, nothing fails, so the run is inconclusive;
  // --on-inconclusive pass maps too little data to 0, but never a run cut short by an interrupt.
  const spec = specs.write(
    'interrupt-on-inconclusive-pass.yaml',
    renderSpec({
      name: 'interrupted',
      checks: [
        { name: 'error ratio', query: errorRatioQuery('job="healthy"'), direction: 'increase', tolerance: '25%' },
      ],
    }),
  );
  const result = await runCli(
    [
      'run',
      spec,
      '--deployed-at',
      '-1m',
      '--format',
      'json',
      '--on-inconclusive',
      'pass',
      '--var',
      `PROMETHEUS_URL=${url}`,
    ],
    {},
    { signal: 'SIGINT', whenStderrHas: 'waiting' },
  );
  expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 3 });
  const report = parseReport(result);
  expect(report.verdict).toBe('inconclusive');
  expect(report.cutShort).toBe('interrupted before the post window ended');
  expect(report.warnings[0]).toMatch(
    /^--on-inconclusive pass maps only too little data to exit 0: the post window was cut short/,
  );
});
