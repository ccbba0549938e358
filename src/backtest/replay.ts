/** Replay the gate at past moments: for each, plan and execute a run exactly as `run` would. */
import { executeRun } from '../gate/execute.js';
import { planRun } from '../gate/plan.js';
import type { Source } from '../sources/types.js';
import type { Spec } from '../spec-model.js';
import { formatTime } from '../time/format-time.js';
import { mapLimit } from './map-limit.js';
import type { BacktestMoment } from './types.js';

export interface ReplayOptions {
  /** Moments replayed at once; each one runs all of its queries in parallel. */
  concurrency: number;
  signal: AbortSignal;
  now: () => number;
  /** Called after each moment, e.g. for progress on stderr. */
  onMoment?: (done: number, total: number) => void;
}

/** The replayed moments, in order; moments not started before an interrupt are left out (undefined). */
export async function replayMoments(
  spec: Spec,
  moments: readonly number[],
  sources: Record<string, Source>,
  options: ReplayOptions,
): Promise<(BacktestMoment | undefined)[]> {
  let done = 0;
  return mapLimit(
    moments,
    options.concurrency,
    async (moment) => {
      const result = await executeRun(
        spec.name,
        planRun(spec, moment),
        sources,
        options.signal,
        options.now(),
        options.now,
      );
      options.onMoment?.(++done, moments.length);
      return {
        at: formatTime(moment),
        verdict: options.signal.aborted ? 'inconclusive' : result.verdict,
        checks: result.checks.map((c) => ({
          name: c.name,
          verdict: c.verdict,
          reason: c.reason,
          ...(typeof c.decidedAfter === 'number' ? { decidedAfter: c.decidedAfter } : {}),
          ...(typeof c.decidedAt === 'number' ? { decidedAt: formatTime(Math.floor(c.decidedAt)) } : {}),
        })),
      } satisfies BacktestMoment;
    },
    () => options.signal.aborted,
  );
}
