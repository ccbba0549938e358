/**
 * What the gate does when it cannot judge: a backend nobody listens on is inconclusive (exit 3,
 * never pass), and a broken spec is a spec error (exit 2) that points at file:line:col.
 */
import { expectExit } from './harness/expect-exit.js';
import { findFreePort } from './harness/port.js';
import { throughputQuery } from './harness/queries.js';
import { renderSpec } from './harness/render-spec.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { SCENARIOS } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const healthy = SCENARIOS.healthy;
const TOKEN = 'tok-3f9a1c-never-print-me';

describe('a Prometheus that is not there', () => {
  test('is inconclusive (exit 3), names the connection problem and never prints the token', async () => {
    const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
    const spec = specs.write(
      'dead-backend.yaml',
      renderSpec({
        name: 'dead backend',
        sourceExtra: ['    auth:', '      bearer: ${PROM_TOKEN}'],
        checks: [
          { name: 'throughput', query: throughputQuery('job="healthy"'), direction: 'decrease', tolerance: '10%' },
        ],
      }),
    );
    const result = await runCli([
      'run',
      spec,
      '--deployed-at',
      healthy.deployedAt,
      '--format',
      'json',
      '--var',
      `PROMETHEUS_URL=${deadUrl}`,
      '--var',
      `PROM_TOKEN=${TOKEN}`,
    ]);
    expectExit(result, 3);
    const report = parseReport(result);
    expect(report.verdict).toBe('inconclusive');
    expect(report.checks.map((check) => check.verdict)).toEqual(['inconclusive']);
    const check = report.checks[0];
    expect(`${check?.reason ?? ''} ${check?.error ?? ''}`).toMatch(/connect|refused|unreachable/i);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });
});

describe('a spec with mistakes', () => {
  const lines = (extra: { key: string; value: string }): string =>
    [
      'version: 1', //                                       1
      'name: broken', //                                     2
      'sources:', //                                         3
      '  prom:', //                                          4
      '    type: prometheus', //                             5
      '    url: ${PROMETHEUS_URL}', //                       6
      'checks:', //                                          7
      '  - name: throughput', //                             8
      '    source: prom', //                                 9
      '    direction: decrease', //                          10
      `    ${extra.key}: ${extra.value}`, //                 11: the mistake
      "    query: 'sum(rate(http_requests_total[1m]))'", //  12
      '',
    ].join('\n');
  const runArgs = (spec: string): string[] => [
    'run',
    spec,
    '--deployed-at',
    healthy.deployedAt,
    '--format',
    'json',
    '--var',
    'PROMETHEUS_URL=http://127.0.0.1:9',
  ];

  test('an unknown key: run exits 2 and names file:line:col and the key', async () => {
    const spec = specs.write('unknown-key.yaml', lines({ key: 'tolerence', value: '10%' }));
    const result = await runCli(runArgs(spec));
    expectExit(result, 2);
    expect(result.stderr).toMatch(/unknown-key\.yaml:11:\d+/);
    expect(result.stderr).toContain('tolerence');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  });

  test('a bad duration: run exits 2 and names file:line:col', async () => {
    const spec = specs.write('bad-duration.yaml', lines({ key: 'step', value: 'ten seconds' }));
    const result = await runCli(runArgs(spec));
    expectExit(result, 2);
    expect(result.stderr).toMatch(/bad-duration\.yaml:11:\d+/);
  });

  test('validate finds the same mistake offline (exit 2)', async () => {
    const spec = specs.write('unknown-key-validate.yaml', lines({ key: 'tolerence', value: '10%' }));
    const result = await runCli(['validate', spec], { PROMETHEUS_URL: 'http://127.0.0.1:9' });
    expectExit(result, 2);
    expect(result.stderr).toMatch(/unknown-key-validate\.yaml:11:\d+/);
  });
});
