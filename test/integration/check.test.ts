/**
 * `verify-deploy check`: every query of the spec against its backend over the last few minutes,
 * through the built CLI. Loopback servers stand in for backends with and without recent data;
 * the real Prometheus and VictoriaMetrics of the harness hold only the fixture day (in the past),
 * so there every query is empty: exit 3.
 */
import { sendJson, startServer, type LoopbackServer } from '../unit/sources/prometheus/loopback-server.js';
import { API_KEY, SENTINEL, seriesBody, steady } from './faults-support/fault-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface CheckJson {
  exitCode: number;
  queries: {
    check: string;
    field: string;
    status: string;
    series: number;
    resultType: string | null;
    points: { min: number; max: number; expected: number } | null;
    nanShare: number | null;
    problems: string[];
  }[];
}

const SPEC = [
  'version: 1',
  'sources:',
  '  prom:',
  '    type: prometheus',
  '    url: ${PROMETHEUS_URL}',
  '    timeout: 5s',
  '    headers: { X-Api-Key: "${API_KEY}" }',
  '    auth: { bearer: "${PROM_TOKEN}" }',
  'checks:',
  '  - name: errors',
  '    source: prom',
  "    query: 'sum(rate(errors_total[5m]))'",
  '    direction: increase',
  '    step: 30s',
  '  - name: canary latency',
  '    source: prom',
  '    baselineQuery: \'latency{track="stable"}\'',
  '    candidateQuery: \'latency{track="canary"}\'',
  '    direction: increase',
  '',
].join('\n');

function check(url: string, extra: string[] = []) {
  const file = specs.write(`check-${Math.random().toString(36).slice(2)}.yaml`, SPEC);
  return runCli([
    'check',
    file,
    '--var',
    `PROMETHEUS_URL=${url}`,
    '--var',
    `PROM_TOKEN=${SENTINEL}`,
    '--var',
    `API_KEY=${API_KEY}`,
    ...extra,
  ]);
}

test('every query returns data: exit 0, with series, points, result type, NaN share and the rate() overlap', async () => {
  server = await startServer((req, res) => {
    const query = new URLSearchParams(req.body).get('query') ?? '';
    sendJson(
      res,
      200,
      seriesBody(req.body, (t) => (query.includes('canary') && t % 120 === 0 ? 'NaN' : steady(t))),
    );
  });
  const result = await check(server.url, ['--format', 'json']);
  expectExit(result, 0);
  const report = JSON.parse(result.stdout) as CheckJson;
  expect(report.queries.map((q) => [q.check, q.field, q.status, q.series, q.resultType])).toEqual([
    ['errors', 'query', 'ok', 1, 'matrix'],
    ['canary latency', 'baselineQuery', 'ok', 1, 'matrix'],
    ['canary latency', 'candidateQuery', 'ok', 1, 'matrix'],
  ]);
  // The last 10 minutes at a 30s step: 21 points.
  expect(report.queries[0]?.points).toEqual({ min: 21, max: 21, expected: 21 });
  expect(report.queries[0]?.problems.join('\n')).toMatch(
    /the step 30s is shorter than the \[5m\] range of rate\(\).*use \[30s\] or a step of 5m/,
  );
  expect(report.queries[2]?.nanShare).toBeGreaterThan(0.1);
  expect(report.queries[2]?.problems.join('\n')).toMatch(/% of the points are NaN/);
  expect(server.requests[0]?.headers['x-api-key']).toBe(API_KEY);
  expect(result.stdout + result.stderr).not.toContain(SENTINEL);
});

test('a query with no series: exit 3, and the human report says what to check', async () => {
  server = await startServer((req, res) => {
    const query = new URLSearchParams(req.body).get('query') ?? '';
    sendJson(
      res,
      200,
      query.includes('canary')
        ? { status: 'success', data: { resultType: 'matrix', result: [] } }
        : seriesBody(req.body, steady),
    );
  });
  const result = await check(server.url, ['--range', '5m']);
  expectExit(result, 3);
  expect(result.stdout).toMatch(/EMPTY canary latency \(candidateQuery, source prom, step 30s\): 0 series/);
  expect(result.stdout).toContain('no series over the range: check the metric name and label values');
  expect(result.stdout).toContain('2 of 3 queries returned data');
});

test('credentials refused (401): exit 2, naming auth and headers; Mimir "no org id" names X-Scope-OrgID', async () => {
  server = await startServer((req, res) =>
    req.headers['x-scope-orgid'] === undefined
      ? sendJson(res, 401, 'no org id', { 'Content-Type': 'text/plain' })
      : sendJson(res, 401, {}),
  );
  const result = await check(server.url);
  expectExit(result, 2);
  expect(result.stdout).toContain(
    'no tenant given (Mimir/Cortex "no org id"); set `headers: { X-Scope-OrgID: <tenant> }` of source "prom"',
  );
  expect(result.stdout + result.stderr).not.toContain(SENTINEL);
  expect(server.requests).toHaveLength(3); // one per query, no retry
});

test.each([
  ['prometheus', (): string => loadHarnessState().url],
  ['victoria-metrics', (): string => loadHarnessState().victoriaMetricsUrl ?? ''],
])('against the real %s (only old fixture data): every query is empty, exit 3', async (_name, url) => {
  const result = await check(url(), ['--format', 'json']);
  expectExit(result, 3);
  expect((JSON.parse(result.stdout) as CheckJson).queries.map((q) => q.status)).toEqual(['empty', 'empty', 'empty']);
});

test('--help lists what is checked and the exit codes; a bad --range is a usage error', async () => {
  const help = await runCli(['check', '--help']);
  expectExit(help, 0);
  expect(help.stdout).toContain('--range <duration>');
  expect(help.stdout).toContain('3  a query returned no series');
  const bad = await check('http://127.0.0.1:9', ['--range', 'soon']);
  expectExit(bad, 2);
  expect(bad.stderr).toContain('--range "soon" is not a duration');
});
