/** The second step of `run`: wait for the post window (or less) and judge it, with the sampled checks. */
import type { CommandIO } from '../command-io.js';
import type { JudgedPart } from './assemble-result.js';
import { createEarlyStopWatch } from './early-stop.js';
import { judgeStoppedEarly } from './early-stop-judge.js';
import { readRange } from './execute.js';
import { clipPlanToNow } from './partial.js';
import type { PreparedRun } from './prepare-run.js';
import type { RunOptions } from './run-options.js';
import { judgeWithSampled } from './sampling/judge-with-sampled.js';
import { waitForPostWindow } from './wait.js';
import { waitLimit } from './wait-limit.js';

/** How long an interrupted run may spend reading the data it has so far. */
const PARTIAL_READ_SECONDS = 10;

/** Wait for the post window (or less), judge the range checks and the sampled ones: the parts of the result. */
export async function judgeParts(run: PreparedRun, options: RunOptions, io: CommandIO): Promise<JudgedPart[]> {
  const { plan, sources } = run;
  // While waiting, critical count checks are tested sequentially and may end the wait (early-stop.ts).
  const critical = run.spec.checks.filter((c) => c.critical).length;
  const watch = options.earlyStop === false ? null : createEarlyStopWatch(plan, sources, io.signal, io.now, critical);
  const limit = waitLimit(plan.readyAt, io.now(), options);
  // The looks' family, once they ran, goes with the range part: Holm then weighs their share (alpha-split.ts).
  const judgeRange = async (): Promise<JudgedPart> => {
    const part = await judgeRangeAlone();
    const family = watch?.family() ?? null;
    return family === null ? part : { ...part, sequential: family };
  };
  const judgeRangeAlone = async (): Promise<JudgedPart> => {
    const post = { start: plan.windows.post.start, end: plan.windows.post.end, deployedAt: plan.deployedAt };
    const outcome = await waitForPostWindow(limit.until, { ...io, stderr: run.out.stderr }, post, watch ?? undefined);
    const stopped = watch?.decision();
    if (outcome === 'stopped' && stopped) return judgeStoppedEarly(plan, sources, stopped, io.signal);
    if (outcome === 'interrupted') {
      // Interrupted while waiting: the data up to now, with a short deadline.
      const signal = AbortSignal.timeout(PARTIAL_READ_SECONDS * 1000);
      const part = await readRange(clipPlanToNow(plan, io.now()), sources, signal);
      return { ...part, cutShort: { kind: 'interrupted' } };
    }
    if (io.now() < plan.readyAt && limit.why !== null) {
      // --max-wait or --no-wait before the post window ended: the data so far.
      const part = await readRange(clipPlanToNow(plan, io.now()), sources, io.signal);
      return {
        ...part,
        cutShort: {
          kind: 'wait-limit',
          limit: limit.why,
          judgedAt: io.now(),
          readyAt: plan.readyAt,
          deployedAt: plan.deployedAt,
        },
      };
    }
    return readRange(plan, sources, io.signal);
  };
  return judgeWithSampled(run.probes, run.rangeSpec.checks.length > 0 ? judgeRange : undefined, {
    startAt: run.deployedAt + run.spec.deploy.warmup,
    signal: io.signal,
    now: io.now,
    stderr: run.out.stderr,
  });
}
