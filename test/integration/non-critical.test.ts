/**
 * A non-critical check never changes the exit code (README, "Exit codes"), run through the built CLI
 * against real loopback servers speaking the Prometheus API:
 *
 * - its tests are a multiple-comparison family of their own, so 1000 unchanged advisory series
 *   cannot dilute a critical regression into a pass;
 * - a query or credentials its backend refuses (400, 401) is a warning, not a spec error (exit 2):
 *   only a critical check's refused query stops the gate with exit 2.
 */
import type { ServerResponse } from 'node:http';
import {
  sendJson,
  startServer,
  type Handler,
  type LoopbackServer,
} from '../unit/sources/prometheus/loopback-server.js';
import { describeRun, parseReport, runCli, type CliResult } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

/** An hour ago, on the 30 s grid: every window is in the past, nothing waits. */
const DEPLOY = Math.floor(Date.now() / 1000 / 30) * 30 - 3600;

/** Deterministic spread of `width` around 0 for the point at t (no Math.random). */
const spread = (t: number, width: number): number => ((((t / 30) * 7919) % 101) / 100 - 0.5) * width;

/**
 * The critical latency: +40% after the deploy, spread 140 wide. Alone its p is about 4e-4, a clear
 * regression; Holm over 1001 tests would raise it to about 0.36 and pass it.
 */
const latency = (t: number): number => (t > DEPLOY ? 140 : 100) + spread(t, 140);

function matrix(
  res: ServerResponse,
  body: string,
  series: { labels: Record<string, string>; value: (t: number) => number }[],
): void {
  const form = new URLSearchParams(body);
  const [start, end, step] = ['start', 'end', 'step'].map((key) => Number(form.get(key))) as [number, number, number];
  const result = series.map((s) => {
    const values: [number, string][] = [];
    for (let t = start; t <= end; t += step) values.push([t, String(s.value(t))]);
    return { metric: s.labels, values };
  });
  sendJson(res, 200, { status: 'success', data: { resultType: 'matrix', result } });
}

/** 1000 advisory series (one per pod) drawn from the same spread before and after the deploy. */
const UNCHANGED = Array.from({ length: 1000 }, (_, i) => ({
  labels: { pod: `web-${i}` },
  value: (t: number) => 50 + spread(t + 30 * i, 20),
}));

/** Answers the critical `latency` query, and `advisory` per `advisory`. */
function backend(advisory: (body: string, res: ServerResponse) => void): Handler {
  return (req, res) => {
    const query = new URLSearchParams(req.body).get('query') ?? '';
    if (query.includes('latency')) matrix(res, req.body, [{ labels: {}, value: latency }]);
    else advisory(req.body, res);
  };
}

function spec(advisorySource: 'prom' | 'other'): string {
  return [
    'version: 1',
    'baseline:',
    '  window: 30m',
    'post:',
    '  window: 10m',
    'defaults:',
    '  step: 30s',
    'sources:',
    '  prom:',
    '    type: prometheus',
    '    url: ${PROMETHEUS_URL}',
    '    retries: 0',
    '  other:',
    '    type: prometheus',
    '    url: ${OTHER_URL}',
    '    retries: 0',
    'checks:',
    '  - name: latency',
    '    source: prom',
    "    query: 'avg(latency_seconds)'",
    '    direction: increase',
    '    tolerance: 10%',
    '  - name: cpu by pod',
    `    source: ${advisorySource}`,
    "    query: 'sum by (pod) (rate(cpu_seconds_total[1m]))'",
    '    direction: increase',
    '    tolerance: 10%',
    '    critical: false',
    '',
  ].join('\n');
}

let counter = 0;
async function runGate(url: string, otherUrl: string, advisorySource: 'prom' | 'other'): Promise<CliResult> {
  const file = specs.write(`non-critical-${++counter}.yaml`, spec(advisorySource));
  return runCli([
    'run',
    file,
    '--deployed-at',
    String(DEPLOY),
    '--format',
    'json',
    '--var',
    `PROMETHEUS_URL=${url}`,
    '--var',
    `OTHER_URL=${otherUrl}`,
  ]);
}

function expectRun(result: CliResult, code: number, verdict: string): ReturnType<typeof parseReport> {
  const report = parseReport(result);
  if (result.code !== code || report.verdict !== verdict || report.exitCode !== code)
    throw new Error(`expected ${verdict} (exit ${code}), got ${describeRun(result)}`);
  return report;
}

describe('a non-critical check does not change the exit code', () => {
  test('1000 unchanged advisory series beside a critical +40% regression: the critical check still fails (exit 1)', async () => {
    const server = await serve(backend((body, res) => matrix(res, body, UNCHANGED)));
    const report = expectRun(await runGate(server.url, server.url, 'prom'), 1, 'fail');
    const [critical, advisory] = report.checks;
    expect([critical?.name, critical?.verdict]).toEqual(['latency', 'fail']);
    expect(critical?.reason).toMatch(/^shift \+\d\d\.\d% .*beyond tolerance 10% \(p = [\d.e-]+\)$/);
    expect(critical?.reason).not.toMatch(/Holm/);
    expect(advisory?.series).toHaveLength(1000);
    expect(advisory?.verdict).toBe('pass');
  });

  test.each([
    [400, 'prom' as const, { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected character' }],
    [401, 'other' as const, { status: 'error', errorType: 'unauthorized', error: 'bad token' }],
  ])(
    'the backend refuses the non-critical check (HTTP %s): a warning, and the critical verdict keeps its exit code',
    async (status, source, body) => {
      const refuse = (_body: string, res: ServerResponse): void => sendJson(res, status, body);
      const server = await serve(backend(refuse));
      const other = await serve((_req, res) => refuse('', res));
      const result = await runGate(server.url, other.url, source);
      const report = expectRun(result, 1, 'fail');
      expect(report.checks.map((c) => [c.name, c.verdict])).toEqual([
        ['latency', 'fail'],
        ['cpu by pod', 'inconclusive'],
      ]);
      const warnings = (report as unknown as { warnings: string[] }).warnings;
      expect(warnings).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^the backend refused a query of the non-critical check "cpu by pod" \\(.*HTTP ${status}.*\\): fix the spec; the exit code is left to the critical checks$`,
          ),
        ),
      );
      expect(warnings.join('\n')).not.toMatch(/exit 2/);
    },
  );

  test('the backend refuses the critical check (HTTP 400): still a spec error (exit 2)', async () => {
    const server = await serve((req, res) => {
      const query = new URLSearchParams(req.body).get('query') ?? '';
      if (query.includes('latency'))
        sendJson(res, 400, { status: 'error', errorType: 'bad_data', error: 'parse error' });
      else matrix(res, req.body, UNCHANGED.slice(0, 3));
    });
    const report = expectRun(await runGate(server.url, server.url, 'prom'), 2, 'inconclusive');
    const warnings = (report as unknown as { warnings: string[] }).warnings;
    expect(warnings[0]).toMatch(/^the backend refused 2 requests \(.*HTTP 400.*\): fix the spec; exit 2$/);
  });
});
