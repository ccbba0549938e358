/**
 * Backtests and `deploy.detect`: `backtest --deploys` replays the gate at every deploy the spec's
 * detection finds in the range; a plain backtest (moments when nothing was deployed) leaves out the
 * moments whose windows hold a detected deploy, so a real regression is not counted as a false
 * alarm, and says how many it left out.
 */
import { UsageError } from '../errors.js';
import { detectDeploys, detectSpecOf, searched } from '../gate/detect-deploy.js';
import { planRun } from '../gate/plan.js';
import type { Spec } from '../spec-model.js';
import { formatTime } from '../time/format-time.js';
import { parseDeployTime } from '../time/parse-time.js';
import type { DetectedDeploy } from '../types.js';
import { latestMoment, MAX_MOMENTS, type MomentOptions } from './moments.js';

/** The deploys to replay, oldest first, and what the reader should know about the ones left out. */
export async function findDeployMoments(
  spec: Spec,
  options: MomentOptions,
  now: number,
  signal: AbortSignal,
): Promise<{ deploys: DetectedDeploy[]; notes: string[] }> {
  if (options.at !== undefined || options.every !== undefined)
    throw new UsageError('--deploys replays the detected deploys: give --from (and --to), not --at or --every');
  if (options.from === undefined)
    throw new UsageError('--deploys needs --from (and --to): the range to look for deploys in');
  const detect = detectSpecOf(spec, '--deploys');
  const from = parseDeployTime(options.from, now, '--from');
  const latest = latestMoment(spec, now);
  const to = options.to === undefined ? now : parseDeployTime(options.to, now, '--to');
  if (to < from) throw new UsageError(`--to (${formatTime(to)}) is before --from (${formatTime(from)})`);
  const found = await detectDeploys(spec, detect, { start: from, end: to }, signal);
  const notes: string[] = [];
  const ended = found.filter((d) => d.at <= latest);
  if (ended.length < found.length)
    notes.push(
      `${found.length - ended.length} deploy(s) after ${formatTime(latest)} left out: their post window has not ended`,
    );
  if (ended.length === 0)
    throw new UsageError(
      `deploy.detect found no deploy to replay from ${formatTime(from)} to ${formatTime(to)}: ${searched(detect)}`,
    );
  const deploys = ended.slice(-MAX_MOMENTS);
  if (deploys.length < ended.length)
    notes.push(`only the last ${MAX_MOMENTS} of ${ended.length} deploys were replayed`);
  return { deploys, notes };
}

/**
 * A plain backtest with deploy.detect in the spec: the moments whose baseline or post window
 * holds a detected deploy are left out. Without deploy.detect, the moments stay as they are.
 */
export async function withoutDeployMoments(
  spec: Spec,
  moments: readonly number[],
  signal: AbortSignal,
): Promise<{ moments: number[]; notes: string[] }> {
  const detect = spec.deploy.detect;
  if (detect === undefined || moments.length === 0) return { moments: [...moments], notes: [] };
  const windows = moments.map((m) => planRun(spec, m).windows);
  const start = Math.min(...windows.map((w) => w.baseline.start));
  const end = Math.max(...windows.map((w) => w.post.end));
  const deploys = await detectDeploys(spec, detect, { start, end }, signal);
  const kept = moments.filter((_, i) => {
    const w = windows[i]!;
    return !deploys.some((d) => d.at >= w.baseline.start && d.at <= w.post.end);
  });
  const left = moments.length - kept.length;
  const notes =
    left === 0
      ? [`deploy.detect found ${deploys.length} deploy(s) in the range; no moment's windows overlap one`]
      : [
          `left out ${left} of ${moments.length} moments whose windows overlap one of the ${deploys.length} deploy(s) deploy.detect found (a real regression is not a false alarm); backtest --deploys replays the deploys themselves`,
        ];
  if (kept.length === 0)
    throw new UsageError(
      `every moment's windows overlap a detected deploy (${deploys.length} found): choose another range, or use backtest --deploys`,
    );
  return { moments: kept, notes };
}
