/**
 * deploy.detect on a logs source, through the built CLI: a generated nginx combined access log
 * (two requests a second for 40 minutes) and an application log in logfmt whose deploy lines say
 * "deployed version 1.4.2" (30 minutes ago: nothing changed) and "deployed version 1.4.3"
 * (10 minutes ago: from then on 3 requests in 10 fail instead of 1 in 100). `--deployed-at detect`
 * finds the last deploy line and the gate fails it; `backtest --deploys` replays both deploys; a
 * match that no line has is exit 2 naming the match.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
const NOW = Math.floor(Date.now() / 1000);
const START = NOW - 40 * 60;
const GOOD_DEPLOY = NOW - 30 * 60;
const BAD_DEPLOY = NOW - 10 * 60;
const END = NOW - 30;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(t: number): string {
  const d = new Date(t * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

let dir: string;

beforeAll(() => {
  dir = dirname(specs.write('placeholder', ''));
  const access: string[] = [];
  let n = 0;
  for (let t = START; t <= END; t++)
    for (let k = 0; k < 2; k++, n++) {
      const failing = t >= BAD_DEPLOY ? n % 10 < 3 : n % 100 === 0;
      access.push(
        `10.0.0.${k + 1} - - [${clf(t)}] "GET /api/cart HTTP/1.1" ${failing ? 500 : 200} 512 "-" "curl/8.5.0"`,
      );
    }
  writeFileSync(join(dir, 'access.log'), access.join('\n') + '\n');
  const app: string[] = [];
  for (let t = START; t <= END; t += 15) {
    app.push(`time=${new Date(t * 1000).toISOString()} level=info msg="cart served"`);
    for (const [at, version] of [
      [GOOD_DEPLOY, '1.4.2'],
      [BAD_DEPLOY, '1.4.3'],
    ] as const)
      if (at >= t && at < t + 15)
        app.push(`time=${new Date(at * 1000).toISOString()} level=info msg="deployed version ${version}"`);
  }
  writeFileSync(join(dir, 'app.log'), app.join('\n') + '\n');
});

afterAll(() => specs.remove());

function spec(match: string): string {
  return specs.write(
    `detect-${Buffer.from(match).toString('hex').slice(0, 24)}.yaml`,
    `version: 1
name: logs detect
deploy:
  warmup: 0s
  detect:
    source: app
    match: '${match}'
    within: 1h
    settle: 1m
baseline: { window: 5m }
post: { window: 5m }
defaults: { step: 30s, minSamples: 3 }
sources:
  web:
    type: logs
    files: access.log
  app:
    type: logs
    files: app.log
    format: logfmt
checks:
  - name: errors
    source: web
    numerator: '{status=~"5.."}'
    denominator: '{}'
    direction: increase
`,
  );
}

test('--deployed-at detect takes the last matching line of the app log; the gate judges from there', async () => {
  const result = await runCli([
    'run',
    spec('{msg=~"deployed version .*"}'),
    '--deployed-at',
    'detect',
    '--format',
    'json',
  ]);
  expect(result.code).toBe(1);
  const report = parseReport(result) as unknown as {
    deployedAt: string;
    detected?: { how: string; source: string; detail: string };
  };
  expect(Date.parse(report.deployedAt) / 1000).toBe(BAD_DEPLOY);
  expect(report.detected?.how).toBe('log-line');
  expect(report.detected?.source).toBe('app');
  expect(report.detected?.detail).toContain('deployed version 1.4.3');
  expect(report.detected?.detail).toContain('app.log');
});

test('a regex on the whole line works as well; backtest --deploys replays both deploys', async () => {
  const result = await runCli(['backtest', spec('deployed version [0-9.]+'), '--deploys', '--from', '-45m']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/your last 2 deploys: 1 pass, 1 fail, 0 inconclusive/);
  expect(result.stdout).toContain('deployed version 1.4.2');
  expect(result.stdout).toContain('deployed version 1.4.3');
});

test('a match that no line has is a spec-level error naming the match (exit 2), never a guess', async () => {
  const result = await runCli(['run', spec('{msg="rolled out"}'), '--deployed-at', 'detect']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('deploy.detect found no deploy in the last 1h');
  expect(result.stderr).toContain('match `{msg="rolled out"}` on source "app" matches no line');
  expect(result.stdout).toBe('');
});

test('a match that cannot be read is a spec error at its line and column: validate refuses it, run reads nothing (exit 2)', async () => {
  // Line 7 of the spec is `    match: '...'`: the match's text starts at column 13.
  const regex = spec('deployed (version');
  const validated = await runCli(['validate', regex]);
  expect(validated.code).toBe(2);
  expect(validated.stderr).toContain(`${regex}:7:13: invalid regex in deploy.detect.match at column 1:`);
  expect(validated.stderr).toContain('Unterminated group');
  const selector = spec('{msg=~"deployed version .*"');
  const run = await runCli(['run', selector, '--deployed-at', 'detect']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`${selector}:7:40: invalid selector in deploy.detect.match at column 28:`);
  expect(run.stderr).not.toContain('deploy.detect found');
  expect(run.stdout).toBe('');
});
