/**
 * A backend that echoes what it is sent, and labels written to break out of the text they are
 * shown in, through the built CLI: a literal credential header comes back as a label and must be
 * redacted from every output; labels carrying GitHub workflow commands, terminal escapes and HTML
 * must reach stderr, stdout and the reports escaped, as the run reports escape them.
 */
import { readFileSync } from 'node:fs';
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
const jumpAfter =
  (at: number) =>
  (t: number): string =>
    t > at ? String(10 * Number(steady(t))) : steady(t);

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
    server = await startServer((req, res) =>
      sendJson(res, 200, seriesBody(req.body, jumpAfter(deploy), { echo: String(req.headers['x-auth-key']) })),
    );
    const file = specs.write('echo-header.yaml', renderFaultSpec({ extraHeaders: [`      X-Auth-Key: ${LITERAL}`] }));
    const reports = reportPaths(file, 'echo-header');
    const summary = join(file, '../echo-header-summary.md');
    const result = await runCli(
      [
        'run',
        file,
        '--deployed-at',
        String(deploy),
        '--format',
        'json',
        ...reports.flatMap((r) => ['--report', r]),
        '--var',
        `PROMETHEUS_URL=${server.url}`,
        ...secretVars,
      ],
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

/** Label values written to break out: a workflow command on a new line, terminal colour, HTML, a javascript: link. */
const HOSTILE = {
  command: 'x\n::error title=owned::the gate passed\n::add-mask::nothing',
  terminal: '\u001b[31mred\u001b[0m\u001b]0;title\u0007',
  html: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  link: '[click](javascript:alert(3))',
};

/** No line a GitHub runner would read as a workflow command, and no terminal control character. */
function expectInert(text: string, where: string): void {
  const commandLines = text.split(/\r\n|[\r\n]/).filter((line) => line.trimStart().startsWith('::'));
  expect({ where, commandLines }).toEqual({ where, commandLines: [] });
  expect({ where, controls: text.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? [] }).toEqual({
    where,
    controls: [],
  });
}

describe('labels written to escape their text', () => {
  test('run: the progress lines while the post window fills show them escaped on stderr', async () => {
    const deploy = now - 120;
    server = await startServer((req, res) => sendJson(res, 200, seriesBody(req.body, steady, HOSTILE)));
    const file = specs.write('hostile-progress.yaml', renderFaultSpec());
    const result = await runCli([
      'run',
      file,
      '--deployed-at',
      String(deploy),
      '--max-wait',
      '2s',
      '--format',
      'json',
      '--var',
      `PROMETHEUS_URL=${server.url}`,
      ...secretVars,
    ]);
    expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 3 });
    // The look's progress line names the series, its labels escaped as the reports write them.
    expect(result.stderr).toMatch(
      /\] latency \{.*command="x\\n::error title=owned::the gate passed\\n::add-mask::nothing".*\}.*no sign of a rise/,
    );
    expect(result.stderr).toContain('terminal="\\u001b[31mred\\u001b[0m\\u001b]0;title\\u0007"');
    expectInert(result.stderr, 'stderr');
  });

  test('backtest: stdout and the text reports show them escaped; the .md report keeps them in a code block', async () => {
    const at = now - 7200;
    server = await startServer((req, res) => sendJson(res, 200, seriesBody(req.body, jumpAfter(at), HOSTILE)));
    const file = specs.write('hostile-backtest.yaml', renderFaultSpec());
    const md = join(file, '../hostile-backtest.md');
    const txt = join(file, '../hostile-backtest.txt');
    const iso = new Date(at * 1000).toISOString().replace('.000Z', 'Z');
    const result = await runCli([
      'backtest',
      file,
      '--at',
      iso,
      '--report',
      md,
      '--report',
      txt,
      '--var',
      `PROMETHEUS_URL=${server.url}`,
      ...secretVars,
    ]);
    expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 0 });
    // The failing moment's reason names the series.
    expect(result.stdout).toContain('moments that would have failed:');
    // Escaped as the run reports escape reasons: line breaks become spaces, controls visible \\uXXXX.
    expect(result.stdout).toContain(
      'command=x ::error title=owned::the gate passed ::add-mask::nothing, terminal=\\u001b[31mred',
    );
    for (const [where, text] of [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
      ['txt', readFileSync(txt, 'utf8')],
      ['md', readFileSync(md, 'utf8')],
    ] as const) {
      expectInert(text, where);
    }
    // Markdown: everything inside one fenced code block, where no HTML, link or emphasis is read.
    const lines = readFileSync(md, 'utf8').trimEnd().split('\n');
    const fence = /^`{3,}$/.exec(lines[0] ?? '')?.[0];
    expect(fence).toBeDefined();
    expect(lines[lines.length - 1]).toBe(fence);
    expect(lines.slice(1, -1).filter((line) => line.startsWith('```'))).toEqual([]);
    expect(lines.join('\n')).toContain('<script>alert(1)</script>');
  });
});
