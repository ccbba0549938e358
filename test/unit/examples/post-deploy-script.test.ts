/**
 * examples/pipelines/shell/post-deploy.sh, run for real: bash, the built CLI on PATH as
 * `verify-deploy` (what `npm install -g` gives), and an old and a new version of a service on
 * 127.0.0.1 that the gate probes side by side. A regression must call the rollback hook; a
 * healthy deploy, an inconclusive gate or a usage error must not.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PIPELINES, cleanEnv, runOptions, runProcess, type ProcessResult } from './cli.js';
import { parseRun, runCommandsInShell } from './run-commands.js';

const SCRIPT = join(PIPELINES, 'shell', 'post-deploy.sh');

/** A service whose health endpoint answers `status`; the test changes it as a deploy would. */
interface Service {
  url: string;
  answer: (status: number) => void;
  close: () => Promise<void>;
}

async function startService(): Promise<Service> {
  let status = 200;
  const server: Server = createServer(
    (_req, res) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: (next) => void (status = next),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * Blue/green: the old version is the baseline, sampled at the same moments as the new one, so no
 * snapshot is needed. 60 probes a side: with no failure on either side the count test can pass
 * (with 20 it could only be inconclusive: a rate under ~0.15 cannot be told from 0).
 */
function blueGreenSpec(oldUrl: string, newUrl: string): string {
  return `version: 1
name: post-deploy script test
sources:
  app:
    type: http
    url: ${newUrl}/healthz
    baselineUrl: ${oldUrl}/healthz
    samples: 60
    interval: 5ms
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
`;
}

let dir: string;
let oldVersion: Service;
let newVersion: Service;
let spec: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-deploy-script-'));
  mkdirSync(join(dir, 'bin'));
  symlinkSync(BIN, join(dir, 'bin', 'verify-deploy'));
  [oldVersion, newVersion] = await Promise.all([startService(), startService()]);
  spec = join(dir, 'verify.yaml');
  writeFileSync(spec, blueGreenSpec(oldVersion.url, newVersion.url));
});
afterAll(async () => {
  await Promise.all([oldVersion.close(), newVersion.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the script in `dir`, the CLI first on PATH; the rollback hook appends to rollback.log. */
function runScript(args: string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  return runProcess(
    'bash',
    [SCRIPT, ...args],
    cleanEnv({
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
      ROLLBACK_CMD: 'echo "rolled back, report $VERIFY_DEPLOY_REPORT" >> rollback.log',
      ...env,
    }),
    dir,
  );
}
const rollbackLog = (): string | undefined =>
  existsSync(join(dir, 'rollback.log')) ? readFileSync(join(dir, 'rollback.log'), 'utf8') : undefined;
const reset = (): void => rmSync(join(dir, 'rollback.log'), { force: true });

describe('examples/pipelines/shell/post-deploy.sh', () => {
  beforeEach(reset);

  it('is valid bash', async () => {
    expect(await runProcess('bash', ['-n', SCRIPT], cleanEnv())).toMatchObject({ code: 0, stderr: '' });
  });

  it('calls verify-deploy run with flags the CLI has', async () => {
    const code = readFileSync(SCRIPT, 'utf8').replace(/^\s*#.*$/gm, '');
    const flags = await runOptions();
    const runs = runCommandsInShell(code, 'post-deploy.sh').map((command) => parseRun(command, flags));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.values.get('--report')).toEqual(['$report_dir/gate.html', '$report_dir/gate.json']);
  });

  it('healthy deploy: exit 0, no rollback, says where the HTML report is', async () => {
    oldVersion.answer(200);
    newVersion.answer(200);
    const result = await runScript(['now'], { VERIFY_SPEC: spec, REPORT_DIR: 'reports/ok' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('deploy verified');
    expect(result.stdout).toContain('report: reports/ok/gate.html');
    expect(existsSync(join(dir, 'reports/ok/gate.html'))).toBe(true);
    expect(rollbackLog()).toBeUndefined();
  });

  it('regression (the new version answers 503): exit 1 and the rollback hook runs once, with the JSON report', async () => {
    oldVersion.answer(200);
    newVersion.answer(503);
    const result = await runScript(['now'], { VERIFY_SPEC: spec, REPORT_DIR: 'reports/bad' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('regression: at least one critical check failed');
    expect(rollbackLog()).toBe('rolled back, report reports/bad/gate.json\n');
    const report = JSON.parse(readFileSync(join(dir, 'reports/bad/gate.json'), 'utf8')) as {
      verdict: string;
      exitCode: number;
    };
    expect(report).toMatchObject({ verdict: 'fail', exitCode: 1 });
  });

  it('regression without ROLLBACK_CMD: exit 1, and it says to roll back by hand', async () => {
    oldVersion.answer(200);
    newVersion.answer(503);
    const result = await runScript(['now'], { VERIFY_SPEC: spec, REPORT_DIR: 'reports/manual', ROLLBACK_CMD: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ROLLBACK_CMD is not set: roll back by hand');
  });

  it('the example spec with its Prometheus down: inconclusive (3), never a pass, no rollback', async () => {
    // Its own verify.yaml (the default spec), judged long enough ago that its post window has ended.
    const result = await runScript(['-12m'], {
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      PROM_TOKEN: 'not-a-real-token',
      REPORT_DIR: 'reports/down',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('inconclusive: too little data, or a source could not be read; not a pass');
    expect(rollbackLog()).toBeUndefined();
  });

  it('a deploy time the CLI refuses: exit 2 from the gate, no rollback', async () => {
    const result = await runScript(['yesterday-ish'], { VERIFY_SPEC: spec, REPORT_DIR: 'reports/usage' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing was judged, nothing rolled back');
    expect(rollbackLog()).toBeUndefined();
  });

  it('without a deploy time: usage, exit 2', async () => {
    const result = await runScript([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
