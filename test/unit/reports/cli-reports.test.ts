/**
 * The reports the built CLI writes (`node bin/verify-deploy.js run`), checked against their
 * published schemas: the JSON report against schema/report.schema.json (strict copy) and the
 * JUnit report against junit-10.xsd. The sources are real HTTP servers on 127.0.0.1, an old
 * ("blue") and a new ("green") instance probed side by side, so no Prometheus is needed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { runCli } from '../examples/cli.js';
import { strictErrors } from './report-schema.js';

interface Instance {
  url: string;
  close: () => Promise<void>;
}

/**
 * An app with /healthz (200, or 503 when `broken`) and a /metrics page whose request counters
 * grow by a fixed amount per scrape on two routes, so `rate ... by: [route]` judges two series.
 */
async function startInstance(broken: boolean): Promise<Instance> {
  let scrapes = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(broken ? 503 : 200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: broken ? 'DOWN' : 'UP' }));
      return;
    }
    scrapes += 1;
    const body = [
      '# TYPE http_requests_total counter',
      `http_requests_total{route="/pay"} ${scrapes * 10}`,
      `http_requests_total{route="/cart"} ${scrapes * 20}`,
      '',
    ].join('\n');
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function spec(blue: string, green: string): string {
  return `version: 1
name: report schemas
sources:
  app:
    type: http
    url: ${green}/healthz
    baselineUrl: ${blue}/healthz
    samples: 12
    interval: 10ms
    timeout: 2s
  metrics:
    type: scrape
    url: ${green}/metrics
    baselineUrl: ${blue}/metrics
    samples: 8
    interval: 20ms
    timeout: 2s
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
  - name: latency
    source: app
    measure: latency
    direction: increase
    tolerance: 500%
    critical: false
  - name: throughput by route
    source: metrics
    rate: http_requests_total
    by: [route]
    direction: decrease
    tolerance: 90%
`;
}

describe('reports written by the built CLI', () => {
  let blue: Instance;
  let green: Instance;
  let dir: string;
  beforeAll(async () => {
    // The new instance's health endpoint answers 503: every green probe fails, a sure regression.
    [blue, green] = await Promise.all([startInstance(false), startInstance(true)]);
    dir = mkdtempSync(join(tmpdir(), 'verify-deploy-reports-'));
  });
  afterAll(async () => {
    await Promise.all([blue.close(), green.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the JSON on stdout and the .json, .xml and .md reports are valid and agree', async () => {
    const file = join(dir, 'spec.yaml');
    writeFileSync(file, spec(blue.url, green.url));
    const [json, xml, md] = ['gate.json', 'gate.xml', 'gate.md'].map((name) => join(dir, name));
    const run = await runCli(['run', file, '--format', 'json', '--report', json!, '--report', xml!, '--report', md!]);
    const report = JSON.parse(run.stdout);
    // 12 of 12 green probes failed against 0 of 12 blue ones: the critical availability check fails, exit 1.
    expect({ code: run.code, exitCode: report.exitCode, availability: report.checks[0].verdict }).toEqual({ code: 1, exitCode: 1, availability: 'fail' });
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(['availability', 'latency', 'throughput by route']);
    expect(report.checks[2].series.map((s: { labels: Record<string, string> }) => s.labels.route).sort()).toEqual(['/cart', '/pay']);

    expect(strictErrors(run.stdout)).toEqual([]);
    expect(readFileSync(json!, 'utf8')).toBe(run.stdout);

    const xsd = readFileSync(new URL('../../fixtures/junit/junit-10.xsd', import.meta.url), 'utf8');
    const junit = readFileSync(xml!, 'utf8');
    const validation = await validateXML({ xml: [{ fileName: 'gate.xml', contents: junit }], schema: [{ fileName: 'junit-10.xsd', contents: xsd }] });
    expect(validation.errors.map((e) => e.rawMessage)).toEqual([]);
    // The check with two series is two testcases, one per route.
    expect(junit).toContain('name="throughput by route {route=&quot;/pay&quot;}"');
    expect(junit).toContain('name="throughput by route {route=&quot;/cart&quot;}"');

    expect(readFileSync(md!, 'utf8')).toMatch(/^## verify-deploy: report schemas: FAIL\n/);
  });
});
