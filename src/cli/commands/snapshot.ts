/** `snapshot`: a baseline for sources that keep no history. */
import { collectVar } from '../options.js';
import type { CommandRegistration } from './types.js';

const SNAPSHOT_HELP = `
Samples every http and scrape source that a check reads (sources with baselineUrl are compared
side by side and need no snapshot) and writes the samples, the time and a hash of the spec's
sampled sources and their checks (secrets excluded). After the deploy, \`run --baseline-from\`
judges the new samples against it; a snapshot from another spec is refused.

Examples:
  $ verify-deploy snapshot verify.yaml --out base.json
  $ ./deploy.sh
  $ verify-deploy run verify.yaml --baseline-from base.json

The --out path is checked before sampling; the file is written whole (a new file renamed into
place) or not at all.

Exit codes: 0 written, 2 usage or spec error, or the snapshot could not be written.`;

export const registerSnapshot: CommandRegistration = (program, io, setCode) => {
  program
    .command('snapshot')
    .description('capture baseline samples now, for sources that keep no history (HTTP probes, scraped /metrics)')
    .argument('<spec>', 'the spec file (YAML)')
    .requiredOption('--out <file>', 'where to write the snapshot (JSON)')
    .option(
      '--var <KEY=VALUE>',
      'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable',
      collectVar,
      {},
    )
    .addHelpText('after', SNAPSHOT_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { snapshotCommand } = await import('../../snapshot/command.js');
      setCode(await snapshotCommand(spec, options, io));
    });
};
