/**
 * stdout or stderr that cannot be written (/dev/full: ENOSPC, the classic stand-in for a full
 * disk) never turns a pass into the crash code 1 nor hides a fail: the command's exit code stays,
 * and the failure is an error on stderr (built CLI, real HTTP instances on 127.0.0.1). A closed
 * pipe (EPIPE, `| head`) stays quiet, as before. init --out - exits 2: its output is the product.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cleanEnv, REPO_ROOT, runCli, type ProcessResult } from '../examples/cli.js';
import { startInstance, spec, type Instance } from './blue-green.js';

function explain(run: ProcessResult): string {
  return `exit ${run.code}\nstdout:\n${run.stdout.slice(0, 3000)}\nstderr:\n${run.stderr.slice(0, 3000)}`;
}

/** Runs the CLI with stdout (or stderr) on /dev/full, the classic stand-in for a full disk. */
async function withDevFull<T>(use: (fd: number) => Promise<T>): Promise<T> {
  const fd = openSync('/dev/full', 'w');
  try {
    return await use(fd);
  } finally {
    closeSync(fd);
  }
}

/** Runs the CLI with a stdout whose reader has gone away (`| head`): its writes fail with EPIPE. */
function runWithClosedStdout(args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
}

describe('stdout and stderr that cannot be written', () => {
  let blue: Instance;
  let healthy: Instance;
  let broken: Instance;
  let dir: string;
  let passSpec: string;
  let failSpec: string;
  beforeAll(async () => {
    [blue, healthy, broken] = await Promise.all([startInstance(false), startInstance(false), startInstance(true)]);
    dir = mkdtempSync(join(tmpdir(), 'verify-deploy-output-'));
    passSpec = join(dir, 'pass.yaml');
    failSpec = join(dir, 'fail.yaml');
    writeFileSync(passSpec, spec(blue.url, healthy.url, 60));
    writeFileSync(failSpec, spec(blue.url, broken.url));
  });
  afterAll(async () => {
    await Promise.all([blue.close(), healthy.close(), broken.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('stdout on a full disk (/dev/full) keeps the exit code', () => {
    test.each([
      ['FAIL', () => failSpec, 1],
      ['PASS', () => passSpec, 0],
    ])(
      'run, %s: keeps the verdict exit code, says so on stderr, and still writes --report',
      async (label, specOf, verdictCode) => {
        const report = join(dir, `stdout-full-${label}.json`);
        const run = await withDevFull((fd) =>
          runCli(['run', specOf(), '--format', 'json', '--report', report], {}, { stdout: fd }),
        );
        expect({ code: run.code, why: explain(run) }).toEqual({ code: verdictCode, why: explain(run) });
        expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
        expect(JSON.parse(readFileSync(report, 'utf8')).exitCode).toBe(verdictCode);
      },
    );

    test('validate exits 0 for a valid spec, with the error on stderr', async () => {
      const run = await withDevFull((fd) => runCli(['validate', passSpec], {}, { stdout: fd }));
      expect({ code: run.code, why: explain(run) }).toEqual({ code: 0, why: explain(run) });
      expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    });

    test('init --out - exits 2: the starter it was asked to print was not delivered', async () => {
      const run = await withDevFull((fd) => runCli(['init', '--out', '-'], {}, { stdout: fd }));
      expect({ code: run.code, why: explain(run) }).toEqual({ code: 2, why: explain(run) });
      expect(run.stderr).toMatch(/ENOSPC/);
    });

    test('--version exits 0 with the error on stderr, never the crash code 1', async () => {
      const run = await withDevFull((fd) => runCli(['--version'], {}, { stdout: fd }));
      expect({ code: run.code, why: explain(run) }).toEqual({ code: 0, why: explain(run) });
      expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    });

    test('stdout closed by its reader (EPIPE) is no error: the exit code stays and stderr says nothing of it', async () => {
      const [pass, fail] = await Promise.all([
        runWithClosedStdout(['run', passSpec]),
        runWithClosedStdout(['run', failSpec]),
      ]);
      expect([pass.code, fail.code]).toEqual([0, 1]);
      expect(`${pass.stderr}${fail.stderr}`).not.toMatch(/stdout|EPIPE/);
    });

    test('stderr on /dev/full: a passing run still exits 0 and a failing one 1', async () => {
      const pass = await withDevFull((fd) => runCli(['run', passSpec], {}, { stderr: fd }));
      const fail = await withDevFull((fd) => runCli(['run', failSpec], {}, { stderr: fd }));
      expect([pass.code, fail.code]).toEqual([0, 1]);
    });
  });
  test('snapshot with stdout on /dev/full still writes the snapshot and exits 0', async () => {
    const file = join(dir, 'snapshot-spec-stdout.yaml');
    writeFileSync(
      file,
      `version: 1
sources:
  app:
    type: http
    url: ${healthy.url}/healthz
    samples: 4
    interval: 10ms
    timeout: 2s
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
`,
    );
    const out = join(dir, 'snapshot-stdout.json');
    const run = await withDevFull((fd) => runCli(['snapshot', file, '--out', out], {}, { stdout: fd }));
    expect({ code: run.code, why: explain(run) }).toEqual({ code: 0, why: explain(run) });
    expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('sources');
  });
});
