/**
 * The words every report uses for the commands run around a wrapped run (`run ... -- <deploy
 * command>`): what ran, how long, how it ended, and the tail of its output.
 */
import { formatTime } from '../time/format-time.js';
import type { CommandRun, RunResult } from '../types.js';

/** One line: `deploy command ./deploy.sh v2 exited 0 after 3.1s`. */
export function describeCommandRun(what: 'deploy' | 'rollback', run: CommandRun): string {
  const took = `${(Math.round((run.endedAt - run.startedAt) * 10) / 10).toFixed(1)}s`;
  const ended =
    run.error !== undefined
      ? `could not start (${run.error})`
      : run.exitCode !== null
        ? `exited ${run.exitCode} after ${took}`
        : `was ended by ${run.signal ?? 'a signal'} after ${took}`;
  const passed = run.interruptedBy !== undefined ? `; ${run.interruptedBy} was passed on to it` : '';
  return `${what} command \`${run.argv.map(quoteWord).join(' ')}\` ${ended}${passed}`;
}

/** A word of argv as a shell would need it written: quoted when it holds anything but plain characters. */
export function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A titled block per command: its line, when it ran, and its output's tail. */
export interface CommandBlock {
  title: string;
  line: string;
  when: string;
  tail: string;
}

/** The blocks of a wrapped run, deploy first; none for a plain run. */
export function commandBlocks(result: RunResult): CommandBlock[] {
  const commands = result.commands;
  if (commands === undefined) return [];
  const block = (what: 'deploy' | 'rollback', run: CommandRun, title: string): CommandBlock => ({
    title,
    line: describeCommandRun(what, run),
    when: `${formatTime(Math.floor(run.startedAt))} .. ${formatTime(Math.ceil(run.endedAt))}`,
    tail: run.outputTail,
  });
  const blocks = [block('deploy', commands.deploy, 'Deploy command')];
  if (commands.rollback !== undefined)
    blocks.push(block('rollback', commands.rollback, `Rollback (verdict ${commands.rollback.because})`));
  return blocks;
}

/** What the reader should know about the rollback when none ran (or undefined). */
export function rollbackNote(result: RunResult): string | undefined {
  return result.commands?.rollbackNote;
}
