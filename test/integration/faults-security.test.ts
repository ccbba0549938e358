/**
 * Hostile input through the built CLI: a PromQL injection in a template variable reaches the
 * server as a label value (same parse tree as a harmless value), TLS with a private CA works only
 * through `tls.ca`, and SIGINT during a slow query ends with a partial report and exit 3.
 */
import { spawn } from 'node:child_process';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { startServer, type LoopbackServer } from '../unit/sources/prometheus/loopback-server.js';
import { createTestCerts } from '../unit/sources/prometheus/test-certs.js';
import { API_KEY, SENTINEL, renderFaultSpec, seriesBody, steady } from './faults-support/fault-spec.js';
import { describeRun, REPO_ROOT, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const secretVars = ['--var', `PROM_TOKEN=${SENTINEL}`, '--var', `API_KEY=${API_KEY}`];

function treeShape(query: string): string {
  return parser.parse(query).toString();
}

describe('PromQL injection through a template variable', () => {
  let server: LoopbackServer;
  afterEach(() => server.close());

  test.each([
    // In a regex matcher the value is regex-escaped too: `\\}` and `\\(` in PromQL are `\}` and `\(` to RE2.
    [
      'a label value',
      'sum(rate(x_total{app="${APP}"}[30s]))',
      'sum(rate(x_total{app="x"}[30s]))',
      '{app="x\\"} or vector(1) #"}',
    ],
    [
      'a regex matcher',
      'sum(rate(x_total{app=~"${APP}"}[30s]))',
      'sum(rate(x_total{app=~"x"}[30s]))',
      '{app=~"x\\"\\\\} or vector\\\\(1\\\\) #"}',
    ],
  ])(
    'in %s, `x"} or vector(1) #` arrives as one string: the same parse tree as a plain value',
    async (_where, template, plain, sent) => {
      server = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(seriesBody(req.body, steady)));
      });
      const file = specs.write(`inject-${template.length}.yaml`, renderFaultSpec({ query: template }));
      const result = await runCli([
        'run',
        file,
        '--deployed-at',
        '-1h',
        '--format',
        'json',
        '--var',
        `PROMETHEUS_URL=${server.url}`,
        ...secretVars,
        '--var',
        'APP=x"} or vector(1) #',
      ]);
      expect({ code: result.code }).toEqual({ code: 0 });
      const queries = server.requests.map((r) => new URLSearchParams(r.body).get('query') ?? '');
      expect(queries).toHaveLength(2);
      for (const query of queries) {
        expect(treeShape(query)).toBe(treeShape(plain));
        expect(query).toContain(sent);
      }
    },
  );

  test('outside a string literal the value is refused: exit 2, nothing sent', async () => {
    server = await startServer((_req, res) => res.end());
    const file = specs.write('inject-range.yaml', renderFaultSpec({ query: 'sum(rate(x_total[${WINDOW}]))' }));
    const result = await runCli([
      'run',
      file,
      '--deployed-at',
      '-1h',
      '--var',
      `PROMETHEUS_URL=${server.url}`,
      ...secretVars,
      '--var',
      'WINDOW=30s]) or vector(1) #',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /inject-range\.yaml:21:12: "query" in check "latency" puts \$\{WINDOW\} outside a string literal.*write \$\{WINDOW:raw\}/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('TLS with a private CA', () => {
  const certs = createTestCerts();
  const server = createHttpsServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(seriesBody(body, steady)));
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    certs.remove();
  });

  test('with tls.ca the gate judges (exit 0)', async () => {
    const file = specs.write(
      'tls-ok.yaml',
      renderFaultSpec({ extraSource: ['    tls:', `      ca: ${certs.caFile}`] }),
    );
    const result = await runCli([
      'run',
      file,
      '--deployed-at',
      '-1h',
      '--format',
      'json',
      '--var',
      `PROMETHEUS_URL=${url}`,
      ...secretVars,
    ]);
    if (result.code !== 0) throw new Error(describeRun(result));
  });

  test('without it: inconclusive (3) saying to set tls.ca, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const file = specs.write('tls-missing.yaml', renderFaultSpec());
    const result = await runCli(
      ['run', file, '--deployed-at', '-1h', '--format', 'json', '--var', `PROMETHEUS_URL=${url}`, ...secretVars],
      { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    );
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as { warnings: string[]; checks: { error?: string }[] };
    expect(report.checks[0]?.error).toMatch(/TLS verification failed .*set `tls.ca` of source "prom"/);
    expect(report.warnings[0]).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0');
    expect(result.stdout + result.stderr).not.toContain(SENTINEL);
  });
});

describe('SIGINT during a slow query', () => {
  test('the partial report is written and the exit code is 3, never 0', async () => {
    const file = specs.write('interrupt-slow.yaml', renderFaultSpec({ timeout: '30s', retries: 0 }));
    let child: ReturnType<typeof spawn> | undefined;
    const server = await startServer(() => child?.kill('SIGINT')); // hangs: never answers
    try {
      child = spawn(
        process.execPath,
        [
          join(REPO_ROOT, 'bin', 'verify-deploy.js'),
          'run',
          file,
          '--deployed-at',
          '-1h',
          '--format',
          'json',
          '--var',
          `PROMETHEUS_URL=${server.url}`,
          ...secretVars,
        ],
        {
          env: { ...process.env, NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      const started = Date.now();
      const code = await new Promise<number | null>((resolve) => child?.once('close', resolve));
      expect(Date.now() - started).toBeLessThan(15000);
      expect({ code, stderr }).toMatchObject({ code: 3 });
      expect(stderr).toContain('SIGINT: stopping');
      const report = JSON.parse(stdout) as { verdict: string; checks: { verdict: string; error?: string }[] };
      expect(report.verdict).toBe('inconclusive');
      expect(report.checks[0]?.error).toMatch(/interrupted|cancelled/);
    } finally {
      await server.close();
    }
  });
});
