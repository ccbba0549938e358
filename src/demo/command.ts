/** `verify-deploy demo`: the gate on an embedded service, with nothing to install. */
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { runDemo } from './run-demo.js';

/** Exit 0 when the demo behaved as designed (good deploy passed, bad deploy failed), else 1. */
export async function demoCommand(io: CommandIO): Promise<number> {
  const outcome = await runDemo(io);
  if (io.signal.aborted) return ExitCode.inconclusive;
  return outcome.asDesigned ? ExitCode.pass : ExitCode.fail;
}
