/**
 * `verify-deploy check` against a real Prometheus that just started scraping a loopback target
 * every second: it holds seconds of history. A check that would not reach a verdict exits 3 and
 * names the real cause (history shorter than the range; a rate() range holding fewer than two
 * scrapes; a post window shorter than the step), never "every query returned data" and never
 * "check the metric name" when the metric is there. Specs with sampled sources are checked for
 * their query checks and say which checks they skip.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectExit } from './harness/expect-exit.js';
import { requireTools } from './harness/require-tools.js';
import { runCli } from './harness/run-cli.js';
import { startScrapingPrometheus, type ScrapingPrometheus } from './harness/scraping-prometheus.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
let target: Server;
let prometheus: ScrapingPrometheus;

beforeAll(async () => {
  requireTools();
  let count = 0;
  target = createServer((_req, res) => {
    count += 10;
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(`demo_requests_total ${count}\n`);
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  prometheus = await startScrapingPrometheus([
    { job: 'demo', target: `127.0.0.1:${(target.address() as AddressInfo).port}` },
  ]);
  // A few seconds of history, as right after a server starts.
  await new Promise((resolve) => setTimeout(resolve, 3000));
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => target?.close(resolve));
  specs.remove();
});

function spec(checks: string[], extra: string[] = []): string {
  return [
    'version: 1',
    'post: { window: 10m }',
    'sources:',
    '  prom:',
    '    type: prometheus',
    `    url: ${prometheus.url}`,
    ...extra,
    'checks:',
    ...checks,
    '',
  ].join('\n');
}

test('seconds of history over a 10m range: exit 3, naming the history, not the metric name', async () => {
  const file = specs.write(
    'history.yaml',
    spec([
      '  - name: traffic',
      '    source: prom',
      "    query: 'sum(demo_requests_total)'",
      '    direction: decrease',
      '    step: 1m',
    ]),
  );
  const result = await runCli(['check', file, '--range', '10m']);
  expectExit(result, 3);
  expect(result.stdout).toMatch(/the data begins \S+ after the range starts: the server's history is shorter/);
  expect(result.stdout).not.toContain('check the metric name');
  expect(result.stdout).not.toContain('every query returned data');
});

test('rate() over a range holding fewer than two scrapes: EMPTY, naming the range and the scrape interval', async () => {
  const file = specs.write(
    'short-range.yaml',
    spec([
      '  - name: rps',
      '    source: prom',
      "    query: 'sum(rate(demo_requests_total[1s]))'",
      '    direction: decrease',
      '    step: 1s',
    ]),
  );
  const result = await runCli(['check', file, '--range', '20s']);
  expectExit(result, 3);
  expect(result.stdout).toMatch(/the \[1s\] range of rate\(\) holds at most 1 sample of `demo_requests_total`/);
  expect(result.stdout).not.toContain('check the metric name');
});

test('a post window shorter than the step: validate warns, check exits 3 naming it', async () => {
  const file = specs.write(
    'window.yaml',
    spec(
      [
        '  - name: traffic',
        '    source: prom',
        "    query: 'sum(demo_requests_total)'",
        '    direction: decrease',
        '    step: 1m',
      ],
      [],
    ).replace('post: { window: 10m }', 'post: { window: 30s }'),
  );
  const validate = await runCli(['validate', file]);
  expectExit(validate, 0);
  expect(validate.stderr).toMatch(
    /the post window \(30s\) holds 0 points at step 1m, fewer than the 5 a verdict needs/,
  );
  const result = await runCli(['check', file, '--range', '10s']);
  expectExit(result, 3);
  expect(result.stdout).toMatch(/the post window \(30s\) holds 0 points at step 1m/);
});

test('a spec with an http source: check reads its query checks and says which it skips (never exit 4)', async () => {
  const file = specs.write(
    'mixed.yaml',
    spec(
      [
        '  - name: traffic',
        '    source: prom',
        "    query: 'sum(demo_requests_total)'",
        '    direction: decrease',
        '    step: 1s',
        '  - name: availability',
        '    source: app',
        '    measure: success',
        '    direction: increase',
      ],
      ['  app:', '    type: http', '    url: http://127.0.0.1:9/healthz'],
    ),
  );
  const result = await runCli(['check', file, '--range', '5s']);
  expect([0, 3]).toContain(result.code);
  expect(result.stdout + result.stderr).toMatch(/availability.*skipped: source "app" \(http\) keeps no history/);
  const backtest = await runCli(['backtest', file, '--from', '-30m', '--to', '-20m', '--every', '5m']);
  expect(backtest.code).not.toBe(4);
  expect(backtest.stdout + backtest.stderr).toMatch(/availability.*skipped: source "app" \(http\) keeps no history/);
});
