/**
 * `verify-deploy run <spec> [--rollback CMD] [--rollback-on inconclusive] -- <deploy command...>`:
 * the gate around a deploy done by hand (README, "Around a deploy").
 *
 * 1. preflight: the spec loads and every source answers, or nothing is deployed (exit 2 or 3);
 * 2. baseline: sources with history keep it; the others are sampled now, before the deploy;
 * 3. the deploy command runs (argv, no shell), its output on stderr; its exit 0 is the deploy time,
 *    anything else exits 5 with nothing judged and nothing rolled back; a signal while it runs is
 *    passed on to it (src/cli/child-runner.ts) and the run ends aborted (exit 3);
 * 4. the post window is judged by the gate as usual, early stops included;
 * 5. a fail (or, with --rollback-on inconclusive, an inconclusive verdict) runs the rollback; the
 *    exit code stays the verdict's, and every report says what ran, how long, with which exit code
 *    and the tail of its output (redacted with the rest of the result);
 * 6. the verdict is posted to the webhooks (src/gate/notify.ts), which never change the exit code.
 */
import type { ChildOutcome, CommandIO } from '../command-io.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { notifyRun, notifyUrls } from '../gate/notify.js';
import { prepareRun } from '../gate/prepare-run.js';
import { deliverRun, judgePrepared } from '../gate/run-command.js';
import type { RunOptions } from '../gate/run-options.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { redact, redactDeep } from '../redact.js';
import { formatForPath } from '../reports/index.js';
import { describeCommandRun, quoteWord } from '../reports/commands-text.js';
import { loadSpec } from '../spec-file/load.js';
import { formatTime } from '../time/format-time.js';
import type { CommandRun, RunResult, WrappedCommands } from '../types.js';
import { OutputTail } from './output-tail.js';
import { askEverySource } from './preflight.js';
import { sampleBaselineBeforeDeploy } from './sample-baseline.js';
import { splitCommandLine } from './split-command.js';

export interface WrapOptions extends RunOptions {
  /** --rollback: a command line, split into argv without a shell. */
  rollback?: string;
  /** --rollback-on inconclusive: an inconclusive verdict rolls back too. */
  rollbackOn?: 'inconclusive';
}

export async function wrapCommand(
  specPath: string,
  deployArgv: readonly string[],
  options: WrapOptions,
  io: CommandIO,
): Promise<number> {
  const startedAt = io.now();
  if (io.runChild === undefined) throw new Error('bug: no child runner for a wrapped run');
  if (options.deployedAt !== undefined)
    throw new UsageError(
      '--deployed-at cannot be combined with a deploy command: the deploy time is the moment the command exits 0',
    );
  if (options.dryRun)
    throw new UsageError('--dry-run runs nothing: leave out the deploy command (after --) to see the plan');
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  if (spec.deploy.at !== undefined)
    throw new UsageError(
      `deploy.at in ${specPath} cannot be combined with a deploy command: the deploy time is the moment the command exits 0`,
    );
  const secrets = [...spec.secrets, ...(options.notify ?? [])];
  const stderr = (text: string): void => io.stderr(redact(text, secrets));
  const rollbackArgv =
    options.rollback !== undefined ? splitCommandLine(options.rollback, '--rollback') : spec.deploy.rollback;
  const reports = options.report.map((path) => ({ path, format: formatForPath(path) }));
  for (const report of reports) await checkOutputPath(report.path, '--report');

  // 1 and 2, before anything is deployed.
  let snapshot: Awaited<ReturnType<typeof sampleBaselineBeforeDeploy>>;
  try {
    await askEverySource(spec, io, stderr);
    snapshot =
      options.baselineFrom === undefined
        ? await sampleBaselineBeforeDeploy(spec, io.signal, io.now, stderr)
        : undefined;
  } catch (error) {
    if (!io.signal.aborted) throw error;
    stderr('interrupted before the deploy: nothing was deployed and nothing was judged (exit 3)\n');
    return ExitCode.inconclusive;
  }
  if (io.signal.aborted) {
    stderr('interrupted before the deploy: nothing was deployed and nothing was judged (exit 3)\n');
    return ExitCode.inconclusive;
  }

  // 3. The deploy command.
  const deploy = await runWrapped('deploy', deployArgv, io, stderr);
  if (deploy.exitCode !== 0 && deploy.interruptedBy === undefined) {
    stderr(`error: ${describeCommandRun('deploy', deploy)}: nothing was judged and nothing was rolled back (exit 5)\n`);
    await notifyRun(
      {
        urls: notifyUrls(spec.notify, options.notify),
        failedDeploy: redactDeep(deploy, secrets),
        ...(spec.name !== undefined ? { name: spec.name } : {}),
      },
      stderr,
    );
    return ExitCode.deployFailed;
  }
  if (io.signal.aborted || deploy.interruptedBy !== undefined) {
    const result = redactDeep(abortedDuringDeploy(spec.name, deploy, startedAt, io.now()), secrets);
    stderr(`${result.cutShort}\n`);
    await deliverRun({ reports, out: { stderr } }, result, options, io);
    await notifyRun({ urls: notifyUrls(spec.notify, options.notify), result, reports: options.report }, stderr);
    return result.exitCode;
  }
  const deployedAt = Math.ceil(deploy.endedAt);
  stderr(
    `deploy command exited 0 after ${seconds(deploy)}: deploy time ${formatTime(deployedAt)}; judging the post window\n`,
  );

  // 4. The post window, judged by the gate.
  const run = await prepareRun(specPath, options, io, {
    spec,
    deployedAt,
    ...(snapshot !== undefined ? { snapshot } : {}),
  });
  const judged = await judgePrepared(run, options, io, startedAt);

  // 5. The rollback.
  const commands: WrappedCommands = { deploy };
  const because =
    judged.verdict === 'fail'
      ? 'fail'
      : judged.verdict === 'inconclusive' && options.rollbackOn === 'inconclusive'
        ? 'inconclusive'
        : undefined;
  if (because !== undefined && io.signal.aborted) {
    commands.rollbackNote = 'not rolled back: the run was interrupted';
  } else if (because !== undefined && rollbackArgv === undefined) {
    commands.rollbackNote = `not rolled back: the verdict is ${because} but no rollback command was given (--rollback, or deploy.rollback in the spec)`;
  } else if (because !== undefined && rollbackArgv !== undefined) {
    stderr(`verdict ${because}: rolling back\n`);
    const rollback = await runWrapped('rollback', rollbackArgv, io, stderr);
    commands.rollback = { ...rollback, because };
    if (rollback.exitCode !== 0)
      stderr(`error: ${describeCommandRun('rollback', rollback)}; the exit code is still the verdict's\n`);
  } else if (judged.verdict === 'inconclusive' && rollbackArgv !== undefined) {
    commands.rollbackNote = 'not rolled back: the verdict is inconclusive (--rollback-on inconclusive rolls back then)';
  }
  const result = redactDeep({ ...judged, commands }, secrets);
  const delivered = await deliverRun(run, result, options, io);
  await notifyRun(
    { urls: notifyUrls(spec.notify, options.notify), result: delivered, reports: options.report },
    stderr,
  );
  return result.exitCode;
}

/** Run one command, its output streamed to stderr and its tail kept for the reports. */
async function runWrapped(
  what: 'deploy' | 'rollback',
  argv: readonly string[],
  io: CommandIO,
  stderr: (text: string) => void,
): Promise<CommandRun> {
  stderr(`${what}: running ${argv.map(quoteWord).join(' ')}\n`);
  const tail = new OutputTail();
  const outcome: ChildOutcome = await io.runChild!(argv, (text) => {
    tail.add(text);
    stderr(text);
  });
  return { argv: [...argv], ...outcome, outputTail: tail.value() };
}

function seconds(run: CommandRun): string {
  return `${(Math.round((run.endedAt - run.startedAt) * 10) / 10).toFixed(1)}s`;
}

/** A signal during the deploy command: nothing was judged, and the run is never a pass. */
function abortedDuringDeploy(name: string | undefined, deploy: CommandRun, startedAt: number, now: number): RunResult {
  const at = formatTime(Math.ceil(deploy.endedAt));
  const signal = deploy.interruptedBy ?? 'a signal';
  return {
    version: 1,
    ...(name !== undefined ? { name } : {}),
    verdict: 'inconclusive',
    exitCode: ExitCode.inconclusive,
    deployedAt: at,
    windows: { baseline: { start: at, end: at }, post: { start: at, end: at } },
    checks: [],
    notes: [{ kind: 'cut-short', cause: { kind: 'interrupted' } }],
    durationSeconds: Math.round((now - startedAt) * 1000) / 1000,
    cutShort: `aborted: ${signal} arrived while the deploy command ran and was passed on to it (${
      deploy.exitCode !== null ? `exit ${deploy.exitCode}` : `ended by ${deploy.signal ?? 'a signal'}`
    }); nothing was judged`,
    commands: { deploy },
  };
}
