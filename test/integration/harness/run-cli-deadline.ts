/**
 * Runs the built CLI as run-cli.ts does, but interrupts it at a deadline: a test of a run that
 * should stop early must not hang for the whole post window (and leave the CLI running after
 * jest's timeout) when the gate does not stop. SIGINT first, so the run reports what it saw;
 * SIGKILL if it has not exited 10 s later.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type CliResult } from './run-cli.js';

const BIN = join(REPO_ROOT, 'bin', 'verify-deploy.js');
const KILL_AFTER_MS = 10_000;

export interface DeadlineResult extends CliResult {
  /** True when the deadline came first and the CLI was interrupted. */
  hitDeadline: boolean;
}

/** Spawns the CLI with `args`; never rejects on a non-zero exit. */
export function runCliWithDeadline(args: string[], deadlineMs: number, env: Record<string, string> = {}): Promise<DeadlineResult> {
  if (!existsSync(BIN) || !existsSync(join(REPO_ROOT, 'dist'))) {
    throw new Error(`${BIN} or dist/ is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hitDeadline = false;
    let killTimer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      hitDeadline = true;
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    }, deadlineMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(deadline);
      clearTimeout(killTimer);
      resolve({ code, stdout, stderr, hitDeadline });
    });
  });
}
