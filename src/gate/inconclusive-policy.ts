/**
 * --on-inconclusive maps an inconclusive run to exit 1 or 0; the verdict itself stays inconclusive.
 * `pass` maps only a run that was inconclusive for too little data: a critical check whose source
 * could not be read (down, timed out, a garbled answer, interrupted before the read) measured
 * nothing, and a gate that never reached its backend must not pass. Nor does a run whose post
 * window was cut short (interrupted, --max-wait, --no-wait): an aborted run never passes. Such a
 * run stays exit 3 and says why. The cause is read from data (`errorKind`, `cutShort`), never from
 * wording.
 */
import { ExitCode } from '../exit-code.js';
import type { RunResult } from '../types.js';

export type InconclusivePolicy = 'fail' | 'pass';

/** The run with its exit code mapped by `policy` (unchanged when the run is not inconclusive). */
export function applyInconclusivePolicy(result: RunResult, policy: InconclusivePolicy | undefined): RunResult {
  if (result.verdict !== 'inconclusive' || policy === undefined) return result;
  if (policy === 'fail') return { ...result, exitCode: ExitCode.fail };
  if (result.cutShort !== undefined) {
    const warning = `--on-inconclusive pass maps only too little data to exit 0: the post window was cut short (${result.cutShort}); exit 3`;
    return { ...result, warnings: [warning, ...result.warnings] };
  }
  const unread = result.checks.filter(
    (check) => check.critical && check.verdict === 'inconclusive' && check.errorKind !== undefined,
  );
  if (unread.length === 0) return { ...result, exitCode: ExitCode.pass };
  const first = unread[0] as (typeof unread)[number];
  const which =
    unread.length === 1
      ? `the critical check "${first.name}"`
      : `${unread.length} critical checks (first "${first.name}")`;
  const warning =
    `--on-inconclusive pass maps only too little data to exit 0: ${which} could not read its source (${first.errorKind}), ` +
    'so nothing was measured there; exit 3';
  return { ...result, warnings: [warning, ...result.warnings] };
}
