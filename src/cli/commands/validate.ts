/** `validate`: the spec, offline. */
import { VALIDATE_HELP } from '../help.js';
import { collectVar } from '../options.js';
import type { CommandRegistration } from './types.js';

export const registerValidate: CommandRegistration = (program, io, setCode) => {
  program
    .command('validate')
    .description('check the spec offline (no network); errors name the file, line and column')
    .argument('<spec>', 'the spec file (YAML)')
    .option(
      '--var <KEY=VALUE>',
      'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable',
      collectVar,
      {},
    )
    .addHelpText('after', VALIDATE_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { validateCommand } = await import('./validate-spec.js');
      setCode(await validateCommand(spec, options, io));
    });
};
