/** `backtest`: replay the gate at past moments and report each check's false-alarm rate. */
import { InvalidArgumentError, Option } from 'commander';
import { collectList, collectVar } from '../options.js';
import type { CommandRegistration } from './types.js';

const BACKTEST_HELP = `
Each moment is replayed as if a deploy had happened then: the same windows, queries and judge as
\`run --deployed-at <moment>\`, over data that already exists. Moments whose post window has not
ended are refused; at most 500 moments. Use it on a quiet period to measure how often the spec
would cry wolf, and around a known incident to see that it would have caught it.

Per check it reports the false-alarm rate (fails / judged moments; inconclusive moments counted
apart), its 95% Clopper-Pearson interval, the check's alpha (1 - confidence) to compare with, and
every moment that would have failed, with the reason. Moments closer together than the data each
reads are not independent: the report says so.

With deploy.detect in the spec, --deploys replays the gate at every deploy found from --from to
--to instead, and says which of them it would have failed; a plain backtest then leaves out the
moments whose windows hold a detected deploy (a real regression is no false alarm), and says how
many.

Times: RFC 3339 (2026-11-26T10:00:00Z), unix seconds, or relative (now, -15m, -7d).

Examples:
  $ verify-deploy backtest verify.yaml --from -7d --every 1h
  $ verify-deploy backtest verify.yaml --from 2026-11-19T00:00:00Z --to 2026-11-26T00:00:00Z --every 6h --format json
  $ verify-deploy backtest verify.yaml --deploys --from -14d
  $ verify-deploy backtest verify.yaml --at 2026-11-20T10:00:00Z,2026-11-21T10:00:00Z --report backtest.json

Exit codes (a backtest is a report, not a gate):
  0  the backtest ran (whatever the false-alarm rates)
  2  usage or spec error: nothing was replayed
  3  no moment could be judged, or the backtest was interrupted
  4  internal error (a bug in verify-deploy)`;

function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new InvalidArgumentError('expected an integer from 1 to 16');
  return n;
}

export const registerBacktest: CommandRegistration = (program, io, setCode) => {
  program
    .command('backtest')
    .description(
      "replay the gate at past moments as if a deploy had happened then, and report each check's false-alarm rate",
    )
    .argument('<spec>', 'the spec file (YAML)')
    .option('--from <time>', 'first moment: RFC 3339, unix seconds, or relative (-7d)')
    .option('--to <time>', 'last moment (default: the latest whose post window has ended)')
    .option('--every <duration>', 'time between moments, e.g. 1h (default 1h)')
    .option('--at <times>', 'comma-separated moments instead of --from/--to/--every')
    .addOption(new Option('--format <format>', 'what goes to stdout').choices(['human', 'json']).default('human'))
    .option(
      '--report <path>',
      'also write the result: .json, .txt/.log for the text form, or .md for the text form in a code block; repeatable',
      collectList,
      [],
    )
    .option(
      '--var <KEY=VALUE>',
      'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable',
      collectVar,
      {},
    )
    .option(
      '--deploys',
      'replay the gate at every deploy deploy.detect finds from --from to --to ("your last 14 deploys: 12 pass, 1 fail, 1 inconclusive")',
      false,
    )
    .option('--concurrency <n>', 'moments replayed at once (1 to 16)', parseConcurrency, 4)
    .addHelpText('after', BACKTEST_HELP)
    .exitOverride()
    .action(async (spec: string, options) => {
      const { backtestCommand } = await import('../../backtest/command.js');
      setCode(await backtestCommand(spec, options, io));
    });
};
