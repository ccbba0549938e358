/** The built CLI (`node bin/verify-deploy.js`), run as pipelines run it, for the pipeline example tests. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const BIN = join(REPO_ROOT, 'bin', 'verify-deploy.js');
export const PIPELINES = join(REPO_ROOT, 'examples', 'pipelines');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where the child's stdout or stderr goes: a pipe read into the result, or an open file descriptor (e.g. of /dev/full). */
export interface Redirects {
  stdout?: number;
  stderr?: number;
}

/** Runs `command args` and resolves with its exit code and output; a non-zero exit is a result, not an error. */
export function runProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = REPO_ROOT,
  redirects: Redirects = {},
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', redirects.stdout ?? 'pipe', redirects.stderr ?? 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A minimal environment: the spec's ${VARS} must come from the test, never from the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    TZ: 'UTC',
    ...extra,
  };
}

/** How the CLI is started: its streams, and a cap on the size of any file it writes. */
export interface CliLimits extends Redirects {
  /**
   * RLIMIT_FSIZE in 512-byte blocks (`ulimit -f` of a POSIX shell): a write past it fails with
   * EFBIG, as on a full disk, even for root (Node ignores SIGXFSZ, so the write fails instead of
   * killing the process). Directory permissions do not stop root; this does.
   */
  fileSizeBlocks?: number;
}

export function runCli(
  args: string[],
  extraEnv: Record<string, string> = {},
  limits: CliLimits = {},
): Promise<ProcessResult> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  }
  if (limits.fileSizeBlocks !== undefined) {
    const script = `ulimit -f ${limits.fileSizeBlocks} && exec "$0" "$@"`;
    return runProcess('/bin/sh', ['-c', script, process.execPath, BIN, ...args], cleanEnv(extraEnv), REPO_ROOT, limits);
  }
  return runProcess(process.execPath, [BIN, ...args], cleanEnv(extraEnv), REPO_ROOT, limits);
}

/** The options `verify-deploy run --help` lists, each with whether it takes a value (`--report <path>`). */
export async function runOptions(): Promise<Map<string, boolean>> {
  const help = await runCli(['run', '--help']);
  if (help.code !== 0) throw new Error(`verify-deploy run --help exited ${help.code}: ${help.stderr}`);
  const options = new Map<string, boolean>();
  for (const match of help.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)( <[^>]+>)?/gm)) {
    options.set(match[1]!, match[2] !== undefined);
  }
  return options;
}
