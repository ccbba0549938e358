/** `init`: a starter spec. */
import { Option } from 'commander';
import { STARTER_SOURCES, starterSummaries } from '../../init/templates.js';
import type { CommandRegistration } from './types.js';

const INIT_HELP = `
Writes a commented spec that validates as it is: edit the URLs and queries, then
\`verify-deploy validate\`. The kinds of source (--source):
${starterSummaries()}

Examples:
  $ verify-deploy init
  $ verify-deploy init --source http --out health.yaml
  $ verify-deploy init --source scrape --out -      # print it

Exit codes: 0 written, 2 the file exists (use --force) or cannot be written.`;

export const registerInit: CommandRegistration = (program, io, setCode) => {
  program
    .command('init')
    .description('write a commented starter spec')
    .addOption(
      new Option('--source <type>', 'the kind of source to start from')
        .choices(STARTER_SOURCES)
        .default(STARTER_SOURCES[0]),
    )
    .option('--out <file>', 'where to write it (- for stdout)', 'verify.yaml')
    .option('--force', 'overwrite an existing file', false)
    .addHelpText('after', INIT_HELP)
    .exitOverride()
    .action(async (options) => {
      const { initCommand } = await import('../../init/command.js');
      setCode(await initCommand(options, io));
    });
};
