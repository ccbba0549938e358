/** The real process behind CommandIO, with SIGINT / SIGTERM turned into an abort (never exit 0). */
import { decideUnicode } from '../reports/terminal-charset.js';
import type { CommandIO } from '../command-io.js';
import { runChild } from './child-runner.js';
import { decideColor } from './io.js';
import { outputStreams } from './output-streams.js';

export interface ProcessIO extends CommandIO {
  /** Remove the signal handlers. */
  dispose(): void;
}

/** Build the CommandIO of this process. The first signal aborts the run; a second one quits at once. */
export function createProcessIO(): ProcessIO {
  const controller = new AbortController();
  const env = process.env;
  const streams = outputStreams();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // A second interrupt: the user wants out now. 130 is the shell's code for SIGINT; never 0.
      process.exit(130);
    }
    streams.writeStderr(`\n${signal}: stopping; the partial report follows (interrupt again to quit at once)\n`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    // A closed or failing stream never throws here and never changes the exit code (output-streams.ts).
    stdout: streams.writeStdout,
    stderr: streams.writeStderr,
    flushStdout: streams.flushStdout,
    env,
    now: () => Date.now() / 1000,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stderr.isTTY && process.stderr.columns > 0 ? { stderrColumns: process.stderr.columns } : {}),
    color: decideColor(Boolean(process.stdout.isTTY), env),
    unicode: decideUnicode(env, process.platform),
    signal: controller.signal,
    runChild,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // The stream error handlers stay: the error event of a last write may arrive after this.
    },
  };
}
