/** The command line: commander wired to the commands, which are imported only when they run. */
import { Command, CommanderError } from 'commander';
import { commandRegistrations } from './commands/index.js';
import { ExitCode } from '../exit-code.js';
import { EXIT_CODES_HELP } from './help.js';
import type { ProcessIO } from './process-io.js';
import { readVersion } from './version.js';

/** Parse argv and run the chosen command; returns its exit code (commander's own errors: 2). */
export async function dispatch(argv: string[], io: ProcessIO): Promise<number> {
  let code: number = ExitCode.pass;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exitCode 0; commander already printed the message.
      return error.exitCode === 0 ? ExitCode.pass : ExitCode.usage;
    }
    throw error;
  }
  return code;
}

function buildProgram(io: ProcessIO, setCode: (code: number) => void): Command {
  const program = new Command('verify-deploy')
    .description(
      'Deploy-verification gate: compares post-deploy metrics with a baseline and exits non-zero on regression.',
    )
    .version(readVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', EXIT_CODES_HELP);

  for (const register of commandRegistrations) register(program, io, setCode);
  return program;
}
