/** The real process behind CommandIO, with SIGINT / SIGTERM turned into an abort (never exit 0). */
import { decideUnicode } from '../reports/terminal-charset.js';
import type { CommandIO } from '../command-io.js';
import { decideColor } from './io.js';

export interface ProcessIO extends CommandIO {
  /** Remove the signal handlers. */
  dispose(): void;
}

/** Build the CommandIO of this process. The first signal aborts the run; a second one quits at once. */
export function createProcessIO(): ProcessIO {
  const controller = new AbortController();
  const env = process.env;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // A second interrupt: the user wants out now. 130 is the shell's code for SIGINT; never 0.
      process.exit(130);
    }
    process.stderr.write(`\n${signal}: stopping; the partial report follows (interrupt again to quit at once)\n`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  // A reader that goes away (`| head`) is not an error of ours: stop writing, keep the exit code.
  let stdoutClosed = false;
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  };
  process.stdout.on('error', onStdoutError);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    env,
    now: () => Date.now() / 1000,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stderr.isTTY && process.stderr.columns > 0 ? { stderrColumns: process.stderr.columns } : {}),
    color: decideColor(Boolean(process.stdout.isTTY), env),
    unicode: decideUnicode(env, process.platform),
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // The EPIPE handler stays: the error event of a last write may arrive after this.
    },
  };
}
