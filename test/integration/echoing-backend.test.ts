/**
 * A backend that echoes what it is sent, and labels written to break out of the text they are
 * shown in, through the built CLI: a literal credential header comes back as a label and must be
 * redacted from every output; labels carrying GitHub workflow commands, terminal escapes and HTML
 * must reach stderr, stdout and the reports escaped, as the run reports escape them.
 */
import { join } from 'node:path';
import { startServer, sendJson, type LoopbackServer } from '../unit/sources/prometheus/loopback-server.js';
import { API_KEY, SENTINEL, allOutput, renderFaultSpec, seriesBody, steady } from './faults-support/fault-spec.js';
import { describeRun, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const secretVars = ['--var', `PROM_TOKEN=${SENTINEL}`, '--var', `API_KEY=${API_KEY}`];
const now = Math.floor(Date.now() / 1000);

/** Steady data that jumps tenfold after `at` (unix seconds): a regression for a deploy at `at`. */
const jumpAfter = (at: number) => (t: number): string => (t > at ? String(10 * Number(steady(t))) : steady(t));

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every report format of `run`, next to the spec. */
function reportPaths(file: string, name: string): string[] {
  return ['json', 'xml', 'md', 'html'].map((ext) => join(file, `../${name}.${ext}`));
}

describe('a literal credential header echoed back by the backend', () => {
  const LITERAL = 'literal-auth-key-3c9e71b0';

  test('X-Auth-Key: its value, sent as written, is redacted from stdout, stderr, every report and the step summary', async () => {
    const deploy = now - 3600;
    server = await startServer((req, res) => sendJson(res, 200, seriesBody(req.body, jumpAfter(deploy), { echo: String(req.headers['x-auth-key']) })));
    const file = specs.write('echo-header.yaml', renderFaultSpec({ extraHeaders: [`      X-Auth-Key: ${LITERAL}`] }));
    const reports = reportPaths(file, 'echo-header');
    const summary = join(file, '../echo-header-summary.md');
    const result = await runCli(
      ['run', file, '--deployed-at', String(deploy), '--format', 'json', ...reports.flatMap((r) => ['--report', r]), '--var', `PROMETHEUS_URL=${server.url}`, ...secretVars],
      { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    );
    expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 1 });
    // The backend did receive the header as written, and echoed it.
    expect(server.requests[0]?.headers['x-auth-key']).toBe(LITERAL);
    const report = JSON.parse(result.stdout) as { checks: { series: { labels: Record<string, string> }[] }[] };
    expect(report.checks[0]?.series[0]?.labels.echo).toBe('***');
    const everything = allOutput(result, [...reports, summary]);
    expect(everything).toContain('::error');
    expect(everything).not.toContain(LITERAL);
  });
});
