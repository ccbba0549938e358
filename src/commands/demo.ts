/** `verify-deploy demo`: the gate on an embedded service, with nothing to install. */
import type { CommandIO } from '../cli/io.js';
import { ExitCode } from '../cli/exit-codes.js';
import { runDemo } from '../demo/run-demo.js';

/** Exit 0 when the demo behaved as designed (good deploy passed, bad deploy failed), else 1. */
export async function demoCommand(io: CommandIO): Promise<number> {
  const outcome = await runDemo(io);
  if (io.signal.aborted) return ExitCode.inconclusive;
  return outcome.asDesigned ? ExitCode.pass : ExitCode.fail;
}
