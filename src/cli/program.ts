/** The command line: commander wired to the commands, which are imported only when they run. */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exit-codes.js';
import { EXIT_CODES_HELP, RUN_HELP, VALIDATE_HELP } from './help.js';
import type { ProcessIO } from './process-io.js';
import { collectList, collectVar, OUTPUT_FORMATS } from './options.js';
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
    .description('Deploy-verification gate: compares post-deploy metrics with a baseline and exits non-zero on regression.')
    .version(readVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('run')
    .description('the gate: fetch baseline and post-deploy samples, judge every check, print the result, exit with the verdict')
    .argument('<spec>', 'the spec file (YAML)')
    .option('--deployed-at <time>', 'deploy time: RFC 3339 (2026-11-26T10:00:00Z), unix seconds, or relative (now, -15m); wins over deploy.at; default now')
    .addOption(new Option('--format <format>', 'what goes to stdout').choices(OUTPUT_FORMATS).default('human'))
    .option('--report <path>', 'also write a report; the format follows the extension (.json, .xml JUnit, .md, .html); repeatable', collectList, [])
    .option('--var <KEY=VALUE>', 'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable', collectVar, {})
    .option('--dry-run', 'no network: print the resolved windows, sources and every query that would run', false)
    .addOption(new Option('--on-inconclusive <verdict>', 'map an inconclusive verdict to exit 1 (fail) or 0 (pass) instead of 3').choices(['fail', 'pass']))
    .addHelpText('after', RUN_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { runCommand } = await import('../commands/run.js');
      setCode(await runCommand(spec, options, io));
    });

  program
    .command('validate')
    .description('check the spec offline (no network); errors name the file, line and column')
    .argument('<spec>', 'the spec file (YAML)')
    .option('--var <KEY=VALUE>', 'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable', collectVar, {})
    .addHelpText('after', VALIDATE_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { validateCommand } = await import('../commands/validate.js');
      setCode(await validateCommand(spec, options, io));
    });

  return program;
}
