/**
 * A snapshot is the baseline: every sample in it must predate the deploy. One taken after the
 * deploy (the wrong file, or a snapshot step run after the deploy step) would compare the new
 * version with itself and pass a regression; one dated in the future comes from a clock that
 * cannot be trusted. Both are usage errors naming the file and the times.
 */
import { UsageError } from '../../errors.js';
import { formatTime } from '../../time/format-time.js';
import type { Snapshot } from './snapshot-format.js';

/** How far ahead of this machine's clock a sample may be (the clock skew parse-time allows too). */
const MAX_FUTURE_SECONDS = 60;
/** Deploy times are whole seconds: a sample in the deploy's own second is still before it. */
const ROUNDING_SECONDS = 1;

/** The time of the last sample (or the end of the last sampling) in the snapshot, unix seconds. */
export function latestSampleTime(snapshot: Snapshot): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const sampling of Object.values(snapshot.sources)) {
    latest = Math.max(latest, sampling.endedAt);
    for (const series of Object.values(sampling.measures).flat())
      for (const point of series.points) latest = Math.max(latest, point.t);
  }
  const takenAt = Date.parse(snapshot.takenAt) / 1000;
  return Number.isFinite(takenAt) ? Math.max(latest, takenAt) : latest;
}

/** Throw a UsageError when the snapshot at `path` holds samples from after `deployedAt` or after `now`. */
export function assertTakenBeforeDeploy(snapshot: Snapshot, path: string, deployedAt: number, now: number): void {
  const latest = latestSampleTime(snapshot);
  if (!Number.isFinite(latest)) return;
  if (latest > now + MAX_FUTURE_SECONDS) {
    throw new UsageError(
      `the snapshot ${path} holds samples up to ${formatTime(latest)}, in the future (now ${formatTime(now)}): ` +
        'the clock of the machine that took it is wrong, or the file was edited; take a new snapshot before the deploy',
    );
  }
  if (latest >= deployedAt + ROUNDING_SECONDS) {
    throw new UsageError(
      `the snapshot ${path} holds samples up to ${formatTime(latest)}, after the deploy at ${formatTime(deployedAt)}: ` +
        'a baseline must be sampled before the deploy; take the snapshot before deploying, or check --deployed-at / deploy.at',
    );
  }
}
