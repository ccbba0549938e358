/**
 * Running a user's command (the deploy, the rollback) for `run ... -- <command>`. It lives in
 * src/cli because it touches the process: the child is spawned from argv without a shell (a shell
 * only when the user wrote `sh -c ...`), its stdin is the terminal's (an ssh password prompt still
 * works), its stdout and stderr are handed over as text (the wrapper writes them to stderr, so
 * stdout stays the report), and SIGINT / SIGTERM received while it runs are passed on to it. The
 * wrapper's own abort signal (process-io.ts) fires too, so the run that follows ends as aborted,
 * never as a pass. A terminal's Ctrl-C reaches the child directly as well (same process group);
 * a second SIGINT to a command already stopping is harmless for the shells and tools we wrap.
 */
import { spawn } from 'node:child_process';
import type { ChildOutcome, RunChild } from '../command-io.js';

export const runChild: RunChild = (argv, onOutput) =>
  new Promise<ChildOutcome>((resolve) => {
    const startedAt = Date.now() / 1000;
    const [command, ...args] = argv;
    let interruptedBy: string | undefined;
    const forward = (signal: NodeJS.Signals): void => {
      interruptedBy ??= signal;
      child.kill(signal);
    };
    const child = spawn(command ?? '', args, { stdio: ['inherit', 'pipe', 'pipe'], shell: false });
    // Before process-io's handler, so a second interrupt reaches the child before the wrapper quits.
    process.prependListener('SIGINT', forward);
    process.prependListener('SIGTERM', forward);
    const done = (outcome: Omit<ChildOutcome, 'startedAt' | 'endedAt'>): void => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({
        startedAt,
        endedAt: Date.now() / 1000,
        ...outcome,
        ...(interruptedBy !== undefined ? { interruptedBy } : {}),
      });
    };
    child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk.toString('utf8')));
    let settled = false;
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      done({ exitCode: null, signal: null, error: error.message });
    });
    // 'close': the process has exited and its output streams are drained.
    child.once('close', (code, signal) => {
      if (settled) return;
      settled = true;
      done({ exitCode: code, signal: signal ?? null });
    });
  });
