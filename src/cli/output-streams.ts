/**
 * The process's stdout and stderr, written so that a failing stream never decides the exit code.
 * Node throws an unhandled stream 'error' as an uncaught exception, which exits 1: `> /dev/full`
 * (ENOSPC) would turn a pass into a "regression". Instead:
 * - stdout closed by its reader (EPIPE, `| head`): not an error of ours; stop writing, quietly.
 * - any other stdout error (a full disk): an error line on stderr, stop writing; the exit code
 *   stays the command's own (for run: the verdict), so a pass is never 1 and a fail never 0.
 * - stderr failing: there is nowhere left to say it; stop writing it, keep the exit code.
 */
import { describeFileError } from '../output/describe-file-error.js';

export interface OutputStreams {
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
  /** Resolves once what was written to stdout is out (or its reader left); rejects with the error when stdout failed. */
  flushStdout: () => Promise<void>;
}

let streams: OutputStreams | undefined;

/** The guarded streams of this process, set up on first use. */
export function outputStreams(): OutputStreams {
  streams ??= guardStreams();
  return streams;
}

function guardStreams(): OutputStreams {
  let stdoutState: 'open' | 'closed by reader' | 'failed' = 'open';
  let stdoutFailure: unknown;
  let stderrWorks = true;
  const writeStderr = (text: string): void => {
    if (stderrWorks) process.stderr.write(text);
  };
  process.stderr.on('error', () => {
    stderrWorks = false;
  });
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutState !== 'open') return;
    if (error.code === 'EPIPE') {
      stdoutState = 'closed by reader';
      return;
    }
    stdoutState = 'failed';
    stdoutFailure = error;
    writeStderr(
      `error: cannot write to stdout (${describeFileError(error)}): what was printed there is incomplete; the exit code still gives the result\n`,
    );
  });
  const settled = (): Promise<void> => (stdoutState === 'failed' ? Promise.reject(stdoutFailure) : Promise.resolve());
  return {
    writeStdout: (text) => {
      if (stdoutState === 'open') process.stdout.write(text);
    },
    writeStderr,
    flushStdout: () =>
      stdoutState !== 'open'
        ? settled()
        : new Promise<void>((resolve) => {
            // The write's callback runs before the stream's 'error' event: wait one turn for it.
            process.stdout.write('', () => setImmediate(resolve));
          }).then(settled),
  };
}
