/** `run`: the gate. */
import { type Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { RUN_HELP } from '../help.js';
import { STDOUT_FORMATS } from '../../reports/index.js';
import { collectList, collectVar, parseDurationOption } from '../options.js';
import type { CommandRegistration } from './types.js';

/** Waiting and stopping early, for `run --help` (RUN_HELP, with the exit codes, follows). */
const EARLY_STOP_HELP = `
While waiting, critical before/after checks with direction increase or decrease are tested
every step (at most every 15s) with anytime-valid sequential tests (counts: a Bayes factor;
values: a normal mixture), which keep false alarms below 1 - confidence however often they
look. Once a regression is certain the run stops early and fails (exit 1); the other checks are
judged on the data so far and none can pass. A pass is only declared at the end of the window.
Progress on stderr shows each watched check's change and evidence. --no-early-stop waits for the
whole window; --no-wait and --max-wait judge a window cut short, which can fail, never pass.
The JSON report's decidedAfter says, per check, how many seconds into the post window the verdict
was (or, for a past window, would have been) reached, and decidedAt the moment itself (UTC).

On GitHub Actions (GITHUB_ACTIONS=true) failing and warning checks are also written as ::error
and ::warning annotations on stderr, and with GITHUB_STEP_SUMMARY set the Markdown report is
appended to the job summary.`;

export const registerRun: CommandRegistration = (program, io, setCode) => {
  program
    .command('run')
    .description(
      'the gate: fetch baseline and post-deploy samples, judge every check, print the result, exit with the verdict',
    )
    .usage('[options] <spec> [-- <deploy command...>]')
    .argument('<spec>', 'the spec file (YAML)')
    .argument('[deploy command...]', 'after --: the deploy command to run and judge (argv, no shell)')
    .option(
      '--deployed-at <time>',
      'deploy time: RFC 3339 (2026-11-26T10:00:00Z), unix seconds, relative (now, -15m), or detect (deploy.detect finds it); wins over deploy.at; default now',
    )
    .option(
      '--rollback <command>',
      'with a deploy command: run this on a fail (split into words, no shell; "sh -c \'...\'" for one); wins over deploy.rollback',
    )
    .addOption(
      new Option(
        '--rollback-on <verdict>',
        'with a deploy command: also roll back on this verdict (the rollback always runs on a fail)',
      ).choices(['inconclusive']),
    )
    .option(
      '--notify <url>',
      'post the verdict to this webhook when the run ends (Slack-compatible text plus the JSON report); repeatable; the URL is a secret',
      collectList,
      [],
    )
    .addOption(new Option('--format <format>', 'what goes to stdout').choices(STDOUT_FORMATS).default('human'))
    .option(
      '--report <path>',
      'also write a report; the format follows the extension (.json, .xml JUnit, .md, .html); repeatable',
      collectList,
      [],
    )
    .option(
      '--var <KEY=VALUE>',
      'a template variable for ${KEY} in the spec (environment variables are the fallback); repeatable',
      collectVar,
      {},
    )
    .option('--dry-run', 'no network: print the resolved windows, sources and every query that would run', false)
    .option(
      '--baseline-from <file>',
      'baseline of http / scrape sources: a snapshot taken before the deploy with `verify-deploy snapshot`',
    )
    .option(
      '--no-early-stop',
      'wait for the whole post window even when a critical check is already certain of a regression',
    )
    .option(
      '--no-wait',
      'do not wait for the post window to end: judge the data already there (a window cut short can fail, never pass)',
    )
    .addOption(
      new Option(
        '--max-wait <duration>',
        'wait at most this long (e.g. 5m) for the post window, then judge the data so far (a window cut short can fail, never pass)',
      )
        .argParser(parseDurationOption)
        .conflicts('wait'),
    )
    .addOption(
      new Option(
        '--on-inconclusive <verdict>',
        'map an inconclusive verdict to exit 1 (fail) or 0 (pass) instead of 3; pass maps only too little data: a critical check whose source could not be read (down, timed out) keeps exit 3',
      ).choices(['fail', 'pass']),
    )
    .addHelpText('after', EARLY_STOP_HELP)
    .addHelpText('after', RUN_HELP)
    .exitOverride()
    .action(async (spec: string, deployCommand: string[], options, command: Command) => {
      // commander keeps the argv it parsed (untyped): a deploy command must come after `--`.
      const rawArgs = (command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [];
      const wrapped = deployCommand.length > 0;
      if (wrapped && !rawArgs.includes('--'))
        throw new UsageError(
          `unexpected argument "${deployCommand[0]}": a deploy command goes after -- (run <spec> [options] -- <command...>)`,
        );
      if (!wrapped && (options.rollback !== undefined || options.rollbackOn !== undefined))
        throw new UsageError(
          '--rollback and --rollback-on need a deploy command: run <spec> --rollback <cmd> -- <deploy command...>',
        );
      if (wrapped) {
        const { wrapCommand } = await import('../../wrap/command.js');
        setCode(await wrapCommand(spec, deployCommand, options, io));
        return;
      }
      const { runCommand } = await import('../../gate/run-command.js');
      setCode(await runCommand(spec, options, io));
    });
};
