/**
 * The CLI entry: maps outcomes to exit codes. This is the only place that sets process.exitCode.
 * commander and the commands are imported lazily, so `--version` costs no more than a bare Node
 * start and each command loads only what it needs.
 */
import { exitCodeForError, renderErrorForUser } from './errors.js';
import { outputStreams } from './output-streams.js';
import { createProcessIO } from './process-io.js';
import { readVersion } from './version.js';

/** Run the CLI with `argv` (as process.argv) and set the process exit code. */
export async function main(argv: string[]): Promise<void> {
  const args = argv.slice(2);
  const streams = outputStreams();
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The common probe of scripts and the start-time benchmark: answered without loading commander.
    streams.writeStdout(`${readVersion()}\n`);
    await streams.flushStdout().catch(() => undefined);
    return;
  }
  const io = createProcessIO();
  let code: number;
  try {
    const { dispatch } = await import('./program.js');
    code = await dispatch(argv, io);
  } catch (error) {
    io.stderr(renderErrorForUser(error, io.env) + '\n');
    code = exitCodeForError(error);
  } finally {
    io.dispose();
  }
  // A stdout that failed was said on stderr when it happened; it never changes the code (output-streams.ts).
  await streams.flushStdout().catch(() => undefined);
  process.exitCode = code;
}
