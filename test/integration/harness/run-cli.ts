/** Runs the built CLI (`node bin/verify-deploy.js`) as a user would, and reads its JSON report. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/integration/harness/run-cli.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'verify-deploy.js');
const SHIFTED_CLOCK = join(REPO_ROOT, 'test', 'integration', 'harness', 'shifted-clock.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The part of the JSON report (README, "Reports") these tests read. */
export interface JsonReport {
  version: number;
  verdict: 'pass' | 'fail' | 'inconclusive';
  exitCode: number;
  deployedAt: string;
  checks: {
    name: string;
    verdict: 'pass' | 'fail' | 'inconclusive';
    critical: boolean;
    reason: string;
    error?: string;
    series: { labels: Record<string, string>; verdict: 'pass' | 'fail' | 'inconclusive' }[];
  }[];
  warnings: string[];
  cutShort?: string;
}

/** Sends `signal` to the CLI once its stderr contains `whenStderrHas` (e.g. the waiting line). */
export interface Interrupt {
  signal: NodeJS.Signals;
  whenStderrHas: string;
}

/** How long the CLI may run before it is interrupted (SIGINT, then SIGKILL 10 s later). */
export interface Deadline {
  ms: number;
}

/** A run that met its deadline says so: the CLI was interrupted, not finished. */
export interface DeadlineResult extends CliResult {
  hitDeadline: boolean;
}

/**
 * A cap on the size of any file the CLI writes, in 512-byte blocks (`ulimit -f`): past it a write
 * fails with EFBIG, as on a full disk, even for root (Node ignores SIGXFSZ).
 */
export interface FileSizeLimit {
  fileSizeBlocks: number;
}

/**
 * The CLI's wall clock reads `clockAt` (unix seconds) when it starts and runs on from there
 * (shifted-clock.cjs, preloaded with --require, which every Node 20 has): a test on backfilled
 * data fixes the moment the CLI's looks read it, so the points they see do not depend on how late
 * a loaded machine started the process.
 */
export interface Clock {
  clockAt: number;
}

const KILL_AFTER_MS = 10_000;

/**
 * Spawns the CLI with `args`; never rejects on a non-zero exit (the exit code is the result).
 * With a deadline, a run still going then is interrupted: a test of a run that should stop early
 * must not hang for the whole post window (and outlive jest's timeout) when the gate does not stop.
 */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  interrupt?: Interrupt,
  deadline?: Deadline,
  limit?: FileSizeLimit,
  clock?: Clock,
): Promise<DeadlineResult> {
  if (!existsSync(BIN) || !existsSync(join(REPO_ROOT, 'dist'))) {
    throw new Error(`${BIN} or dist/ is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  return new Promise((resolvePromise, reject) => {
    const node = clock === undefined ? [BIN, ...args] : ['--require', SHIFTED_CLOCK, BIN, ...args];
    const [command, argv] =
      limit === undefined
        ? [process.execPath, node]
        : ['/bin/sh', ['-c', `ulimit -f ${limit.fileSizeBlocks} && exec "$0" "$@"`, process.execPath, ...node]];
    const clockEnv = clock === undefined ? {} : { VERIFY_DEPLOY_TEST_CLOCK_AT: String(clock.clockAt) };
    const child = spawn(command, argv, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env, ...clockEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (interrupt && !interrupted && stderr.includes(interrupt.whenStderrHas)) {
        interrupted = true;
        child.kill(interrupt.signal);
      }
    });
    let hitDeadline = false;
    let killTimer: NodeJS.Timeout | undefined;
    const deadlineTimer =
      deadline === undefined
        ? undefined
        : setTimeout(() => {
            hitDeadline = true;
            child.kill('SIGINT');
            killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
          }, deadline.ms);
    const stopTimers = (): void => {
      clearTimeout(deadlineTimer);
      clearTimeout(killTimer);
    };
    child.once('error', (error) => {
      stopTimers();
      reject(error);
    });
    child.once('close', (code) => {
      stopTimers();
      resolvePromise({ code, stdout, stderr, hitDeadline });
    });
  });
}

/**
 * `run SPEC --deployed-at AT`, then `extra` (by default `--format json`), with the spec's
 * ${PROMETHEUS_URL} set to `prometheusUrl`: the run most integration tests make.
 */
export function runSpec(
  spec: string,
  deployedAt: string | number,
  prometheusUrl: string,
  extra: string[] = ['--format', 'json'],
): Promise<DeadlineResult> {
  return runCli(runSpecArgs(spec, deployedAt, prometheusUrl, extra));
}

/** The arguments runSpec passes, for a run started otherwise (with a deadline, or on a shifted clock). */
export function runSpecArgs(
  spec: string,
  deployedAt: string | number,
  prometheusUrl: string,
  extra: string[] = ['--format', 'json'],
): string[] {
  return ['run', spec, '--deployed-at', String(deployedAt), ...extra, '--var', `PROMETHEUS_URL=${prometheusUrl}`];
}

/** runCli with the CLI's clock starting at `clockAt` (unix seconds; see Clock). */
export function runCliAt(clockAt: number, args: string[], deadline?: Deadline): Promise<DeadlineResult> {
  return runCli(args, {}, undefined, deadline, undefined, { clockAt });
}

/** Parses stdout as the JSON report, with the CLI's output in the error if it is not JSON. */
export function parseReport(result: CliResult): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(
      `stdout is not a JSON report (exit ${result.code}).\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
}

/** A one-line description of a run, for assertion messages. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code}\nstdout:\n${result.stdout.slice(0, 4000)}\nstderr:\n${result.stderr.slice(0, 4000)}`;
}
