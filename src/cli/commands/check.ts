/** `check`: every query of the spec against its backend, now, before anyone relies on the spec. */
import { Option } from 'commander';
import { collectVar } from '../options.js';
import type { CommandRegistration } from './types.js';

const CHECK_HELP = `
Reads every query of every check over a short recent range (default the last 10m, at the check's
step) and reports, per query: whether it returned data, the series count, points per series, the
result type, the share of NaN and ±Inf points, a step shorter than a rate() range (overlapping
points), windows over the 11,000 points Prometheus answers, and auth or tenant problems (401/403,
Mimir's "no org id"). Nothing is judged.

Examples:
  $ verify-deploy check verify.yaml --var PROMETHEUS_URL=http://prometheus:9090
  $ verify-deploy check verify.yaml --range 1h --format json | jq '.queries[] | select(.status != "ok")'

Exit codes:
  0  every query returned data
  2  usage or spec error, or a query / the credentials were refused (HTTP 400, 401, 403, 422)
  3  a query returned no series, or its backend could not be read`;

export const registerCheck: CommandRegistration = (program, io, setCode) => {
  program
    .command('check')
    .description('run every query of the spec against its backend over a short recent range and report what comes back')
    .argument('<spec>', 'the spec file (YAML)')
    .option(
      '--var <KEY=VALUE>',
      'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable',
      collectVar,
      {},
    )
    .addOption(new Option('--format <format>', 'what goes to stdout').choices(['human', 'json']).default('human'))
    .option('--range <duration>', 'how far back from now to read (e.g. 10m, 1h)', '10m')
    .addHelpText('after', CHECK_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { checkCommand } = await import('../../preflight/command.js');
      setCode(await checkCommand(spec, options, io));
    });
};
