/**
 * stdout or stderr that cannot be written (/dev/full: ENOSPC, the classic stand-in for a full
 * disk) never turns a pass into the crash code 1 nor hides a fail: the command's exit code stays,
 * and the failure is an error on stderr (built CLI, real HTTP instances on 127.0.0.1). A closed
 * pipe (EPIPE, `| head`) stays quiet, as before. init --out - exits 2: its output is the product.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cleanEnv, REPO_ROOT, runCli, type ProcessResult } from '../examples/cli.js';
import { explainRun, useBlueGreenFixture } from './blue-green.js';

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
  const fixture = useBlueGreenFixture();

  describe('stdout on a full disk (/dev/full) keeps the exit code', () => {
    test.each([
      ['FAIL', () => fixture.failSpec, 1],
      ['PASS', () => fixture.passSpec, 0],
    ])(
      'run, %s: keeps the verdict exit code, says so on stderr, and still writes --report',
      async (label, specOf, verdictCode) => {
        const report = join(fixture.dir, `stdout-full-${label}.json`);
        const run = await withDevFull((fd) =>
          runCli(['run', specOf(), '--format', 'json', '--report', report], {}, { stdout: fd }),
        );
        expect({ code: run.code, why: explainRun(run) }).toEqual({ code: verdictCode, why: explainRun(run) });
        expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
        expect(JSON.parse(readFileSync(report, 'utf8')).exitCode).toBe(verdictCode);
      },
    );

    test('validate exits 0 for a valid spec, with the error on stderr', async () => {
      const run = await withDevFull((fd) => runCli(['validate', fixture.passSpec], {}, { stdout: fd }));
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 0, why: explainRun(run) });
      expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    });

    test('init --out - exits 2: the starter it was asked to print was not delivered', async () => {
      const run = await withDevFull((fd) => runCli(['init', '--out', '-'], {}, { stdout: fd }));
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 2, why: explainRun(run) });
      expect(run.stderr).toMatch(/ENOSPC/);
    });

    test('--version exits 0 with the error on stderr, never the crash code 1', async () => {
      const run = await withDevFull((fd) => runCli(['--version'], {}, { stdout: fd }));
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 0, why: explainRun(run) });
      expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    });

    test('stdout closed by its reader (EPIPE) is no error: the exit code stays and stderr says nothing of it', async () => {
      const [pass, fail] = await Promise.all([
        runWithClosedStdout(['run', fixture.passSpec]),
        runWithClosedStdout(['run', fixture.failSpec]),
      ]);
      expect([pass.code, fail.code]).toEqual([0, 1]);
      expect(`${pass.stderr}${fail.stderr}`).not.toMatch(/stdout|EPIPE/);
    });

    test('stderr on /dev/full: a passing run still exits 0 and a failing one 1', async () => {
      const pass = await withDevFull((fd) => runCli(['run', fixture.passSpec], {}, { stderr: fd }));
      const fail = await withDevFull((fd) => runCli(['run', fixture.failSpec], {}, { stderr: fd }));
      expect([pass.code, fail.code]).toEqual([0, 1]);
    });
  });
  test('snapshot with stdout on /dev/full still writes the snapshot and exits 0', async () => {
    const file = join(fixture.dir, 'snapshot-spec-stdout.yaml');
    writeFileSync(
      file,
      `version: 1
sources:
  app:
    type: http
    url: ${fixture.healthy.url}/healthz
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
    const out = join(fixture.dir, 'snapshot-stdout.json');
    const run = await withDevFull((fd) => runCli(['snapshot', file, '--out', out], {}, { stdout: fd }));
    expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 0, why: explainRun(run) });
    expect(run.stderr).toMatch(/^error: .*stdout.*ENOSPC/m);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('sources');
  });
});
