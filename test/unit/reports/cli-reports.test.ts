/**
 * The reports the built CLI writes (`node bin/verify-deploy.js run`), checked against their
 * published schemas: the JSON report against schema/report.schema.json (strict copy) and the
 * JUnit report against junit-10.xsd. The sources are real HTTP servers on 127.0.0.1, an old
 * ("blue") and a new ("green") instance probed side by side, so no Prometheus is needed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { runCli } from '../examples/cli.js';
import { startInstance, spec, type Instance } from './blue-green.js';
import { strictErrors } from './report-schema.js';

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
    expect({ code: run.code, exitCode: report.exitCode, availability: report.checks[0].verdict }).toEqual({
      code: 1,
      exitCode: 1,
      availability: 'fail',
    });
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual([
      'availability',
      'latency',
      'throughput by route',
    ]);
    expect(report.checks[2].series.map((s: { labels: Record<string, string> }) => s.labels.route).sort()).toEqual([
      '/cart',
      '/pay',
    ]);

    expect(strictErrors(run.stdout)).toEqual([]);
    expect(readFileSync(json!, 'utf8')).toBe(run.stdout);

    const xsd = readFileSync(new URL('../../fixtures/junit/junit-10.xsd', import.meta.url), 'utf8');
    const junit = readFileSync(xml!, 'utf8');
    const validation = await validateXML({
      xml: [{ fileName: 'gate.xml', contents: junit }],
      schema: [{ fileName: 'junit-10.xsd', contents: xsd }],
    });
    expect(validation.errors.map((e) => e.rawMessage)).toEqual([]);
    // The check with two series is two testcases, one per route.
    expect(junit).toContain('name="throughput by route {route=&quot;/pay&quot;}"');
    expect(junit).toContain('name="throughput by route {route=&quot;/cart&quot;}"');

    expect(readFileSync(md!, 'utf8')).toMatch(/^## verify-deploy: report schemas: FAIL\n/);
  });
});
