/**
 * Answers shaped unlike a Prometheus range query, through the built CLI against a loopback server:
 * two series with identical labels (never merged silently: inconclusive, exit 3) and points far
 * denser than the step (a warning). The point at the deploy instant is read by the baseline only.
 */
import { sendJson, startServer, type LoopbackServer } from '../unit/sources/prometheus/loopback-server.js';
import { API_KEY, SENTINEL, rangeOf, renderFaultSpec, steady } from './faults-support/fault-spec.js';
import { describeRun, parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** An hour ago, on the 30 s grid. */
const DEPLOY = Math.floor(Date.now() / 1000 / 30) * 30 - 3600;

/** Serve `result(range)` as the matrix of every query_range. */
async function serveMatrix(
  result: (range: { start: number; end: number; step: number }) => unknown[],
): Promise<LoopbackServer> {
  const server = await startServer((req, res) =>
    sendJson(res, 200, { status: 'success', data: { resultType: 'matrix', result: result(rangeOf(req.body)) } }),
  );
  servers.push(server);
  return server;
}

function values(range: { start: number; end: number }, spacing: number): [number, string][] {
  const out: [number, string][] = [];
  for (let t = range.start; t <= range.end; t += spacing) out.push([t, steady(t)]);
  return out;
}

let counter = 0;
async function run(url: string) {
  const file = specs.write(`shape-${++counter}.yaml`, renderFaultSpec({ retries: 0 }));
  const result = await runCli([
    'run',
    file,
    '--deployed-at',
    String(DEPLOY),
    '--format',
    'json',
    '--var',
    `PROMETHEUS_URL=${url}`,
    '--var',
    `PROM_TOKEN=${SENTINEL}`,
    '--var',
    `API_KEY=${API_KEY}`,
  ]);
  return { result, report: parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] } };
}

test('two series with identical labels: the series is inconclusive, named, and the run exits 3', async () => {
  const server = await serveMatrix((range) => [
    { metric: { route: '/pay' }, values: values(range, range.step) },
    { metric: { route: '/pay' }, values: values(range, range.step) },
  ]);
  const { result, report } = await run(server.url);
  if (result.code !== 3) throw new Error(`expected exit 3, got ${describeRun(result)}`);
  expect(report.checks[0]?.series[0]).toMatchObject({ labels: { route: '/pay' }, verdict: 'inconclusive' });
  expect(report.checks[0]?.reason).toMatch(
    /more than one series with the labels \{route=\/pay\}: series with identical labels cannot be told apart/,
  );
});

test('points every 5 s where the step is 30 s: judged, with a warning that the backend did not honour the step', async () => {
  const server = await serveMatrix((range) => [{ metric: {}, values: values(range, 5) }]);
  const { result, report } = await run(server.url);
  if (result.code !== 0) throw new Error(`expected exit 0, got ${describeRun(result)}`);
  expect(report.warnings).toContainEqual(
    expect.stringMatching(
      /^latency: the backend returned \d+ points for the (baseline|post) series the series where the range holds at most \d+ at step 30s: it did not honour the step/,
    ),
  );
});

test('the point at the deploy instant is asked for by the baseline query only', async () => {
  const server = await serveMatrix((range) => [{ metric: {}, values: values(range, range.step) }]);
  const { result } = await run(server.url);
  if (result.code !== 0) throw new Error(`expected exit 0, got ${describeRun(result)}`);
  const ranges = server.requests.map((r) => rangeOf(r.body)).sort((a, b) => a.start - b.start);
  expect(ranges.map((r) => [r.start - DEPLOY, r.end - DEPLOY])).toEqual([
    [-1800, 0],
    [30, 600],
  ]);
});
