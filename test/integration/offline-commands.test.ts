/**
 * Commands that must work without any backend: `validate` on a good spec and `run --dry-run`,
 * which prints the windows and every query. The source points at a port nobody listens on, so
 * a network call would show up as a failure.
 */
import { expectExit } from './harness/expect-exit.js';
import { findFreePort } from './harness/port.js';
import { renderScenarioSpec, renderSpec, scenarioChecks } from './harness/render-spec.js';
import { runCli } from './harness/run-cli.js';
import { SCENARIOS } from './harness/scenarios.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const healthy = SCENARIOS.healthy;
const TOKEN = 'tok-77be02-never-print-me';

test('validate accepts a good spec offline (exit 0)', async () => {
  const spec = specs.write('good.yaml', renderScenarioSpec(healthy));
  const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
  const result = await runCli(['validate', spec], { PROMETHEUS_URL: deadUrl });
  expectExit(result, 0);
});

test.each([
  ['run', '--deployed-at', '-99999999999h'],
  ['backtest', '--from', '-99999999999h'],
  ['backtest', '--at', '-99999999999h'],
])(
  '%s %s %s: an out-of-range time is a usage error (exit 2) naming the option, not an internal error',
  async (command, option, value) => {
    const spec = specs.write(`range-${command}.yaml`, renderScenarioSpec(healthy));
    const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
    const extra = command === 'run' ? ['--dry-run'] : [];
    const result = await runCli([command, spec, `${option}=${value}`, ...extra, '--var', `PROMETHEUS_URL=${deadUrl}`]);
    expectExit(result, 2);
    expect(result.stderr).toContain(`${option}: "${value}" is before 1970-01-01T00:00:00Z`);
  },
);

test('run --dry-run prints the windows and every query, contacts nothing, hides the token', async () => {
  const checks = scenarioChecks(healthy);
  const spec = specs.write(
    'dry-run.yaml',
    renderSpec({
      name: 'dry run',
      checks,
      sourceExtra: ['    auth:', '      bearer: ${PROM_TOKEN}'],
    }),
  );
  const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
  const result = await runCli([
    'run',
    spec,
    '--deployed-at',
    healthy.deployedAt,
    '--dry-run',
    '--var',
    `PROMETHEUS_URL=${deadUrl}`,
    '--var',
    `PROM_TOKEN=${TOKEN}`,
  ]);
  expectExit(result, 0);
  // Deploy 05:12:30: baseline 04:42:30 to 05:12:30, post 05:12:30 to 05:22:30.
  for (const time of ['04:42:30', '05:12:30', '05:22:30']) {
    expect(result.stdout).toMatch(new RegExp(`2026-01-15[T ]${time}`));
  }
  for (const check of checks) expect(result.stdout).toContain(check.query);
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
});

test("run --dry-run shows each check's first post point and where its range starts: after the deploy, never before", async () => {
  // rate(x[1m]) at step 30s, deployed at 00:29:46: the point at 00:30:00 reads from 00:29:00 and
  // 00:30:30 from 00:29:30, both before the deploy; the first post point is 00:31:00 (from 00:30:00).
  // The count check (step 1m) first counts (00:30:00, 00:31:00] too.
  const spec = specs.write(
    'dry-run-ranges.yaml',
    [
      'version: 1',
      'name: ranges',
      'baseline:',
      '  window: 10m',
      'post:',
      '  window: 10m',
      'defaults:',
      '  step: 30s',
      '  source: prom',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: ${PROMETHEUS_URL}',
      'checks:',
      '  - name: error rate',
      '    query: sum(rate(errors_total[1m]))',
      '    direction: increase',
      '  - name: errors',
      '    step: 1m',
      '    numerator: sum(increase(errors_total[1m]))',
      '    denominator: sum(increase(requests_total[1m]))',
      '    direction: increase',
      '',
    ].join('\n'),
  );
  const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
  const result = await runCli([
    'run',
    spec,
    '--deployed-at',
    '2026-11-26T00:29:46Z',
    '--dry-run',
    '--var',
    `PROMETHEUS_URL=${deadUrl}`,
  ]);
  expectExit(result, 0);
  const firsts = [...result.stdout.matchAll(/first post point (\S+), its range from (\S+) \((\w+)\)/g)];
  expect(firsts.map((m) => [m[1], m[2], m[3]])).toEqual([
    ['2026-11-26T00:31:00Z', '2026-11-26T00:30:00Z', '1m'],
    ['2026-11-26T00:31:00Z', '2026-11-26T00:30:00Z', '1m'],
  ]);
  for (const m of firsts) expect(Date.parse(m[2]!)).toBeGreaterThanOrEqual(Date.parse('2026-11-26T00:29:46Z'));
  expect(result.stdout).toMatch(/candidate +2026-11-26T00:31:00Z \.\./);
  expect(result.stdout).toMatch(/candidate numerator +2026-11-26T00:31:00Z \.\./);
});

test('run --dry-run escapes the spec name, check names and queries as the reports do: no workflow command line, no terminal escape', async () => {
  const spec = specs.write(
    'dry-run-hostile.yaml',
    [
      'version: 1',
      'name: "shop\\n::error title=owned::dry run passed \\e[31m"',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: ${PROMETHEUS_URL}',
      'checks:',
      '  - name: "errors\\r::add-mask::x"',
      '    source: prom',
      '    query: |',
      '      sum(rate(x_total[30s]))',
      '      # ::error::from a query comment',
      '    direction: increase',
      '',
    ].join('\n'),
  );
  const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
  const result = await runCli([
    'run',
    spec,
    '--deployed-at',
    healthy.deployedAt,
    '--dry-run',
    '--var',
    `PROMETHEUS_URL=${deadUrl}`,
  ]);
  expectExit(result, 0);
  expect(result.stdout).toContain('dry run of shop ::error title=owned::dry run passed \\u001b[31m (no network)');
  expect(result.stdout).toContain('errors ::add-mask::x (');
  expect(result.stdout).toContain('sum(rate(x_total[30s])) # ::error::from a query comment');
  const lines = (result.stdout + result.stderr).split(/\r\n|[\r\n]/);
  expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
  expect((result.stdout + result.stderr).match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? []).toEqual([]);
});
