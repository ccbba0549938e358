/**
 * Judge one check on a sampled source with the same judge as PromQL checks: the count test for
 * the share of failed probes, the rank test for latency, JSON values, rates, ratios and quantiles.
 */
import { judgeCheck, judgeCountCheck, SUCCESS_MARGIN, type CheckMode } from '../../judge/index.js';
import { sampledKindOf } from '../../sources/index.js';
import type { Sampling } from '../../sources/sampled-types.js';
import type { CheckSpec } from '../../spec-model.js';
import type { CheckResult } from '../../types.js';

/** Side by side (blue/green) is a canary comparison; a snapshot baseline is before/after. */
export function judgeSampledCheck(
  check: CheckSpec,
  sourceType: string,
  baseline: Sampling,
  candidate: Sampling,
  mode: CheckMode,
): CheckResult {
  const probe = check.probe;
  const kind = sampledKindOf(sourceType);
  if (probe === undefined || kind === undefined)
    throw new Error(`bug: check "${check.name}" has no probe measure or reads no sampled source`);
  const before = kind.judged(probe, baseline);
  const after = kind.judged(probe, candidate);
  const result =
    'counts' in before && 'counts' in after
      ? // Every sample is a trial, so the traffic a proportion needs is the samples a check needs;
        // a pass must rule out a rise of the failure share beyond the margin (judge/count/rule-out.ts).
        judgeCountCheck(
          { ...check, minTraffic: check.minSamples, margin: SUCCESS_MARGIN },
          before.counts,
          after.counts,
          mode,
        )
      : 'series' in before && 'series' in after
        ? judgeCheck(check, before.series, after.series, mode)
        : bug(check);
  const notes = [
    ...(result.notes ?? []),
    ...describeFailures('baseline', baseline),
    ...describeFailures('candidate', candidate),
  ];
  return notes.length > 0 ? { ...result, notes } : result;
}

/** "candidate: 3 of 20 probes failed (status 503: 2, timed out after 5s: 1)". */
function describeFailures(side: string, sampling: Sampling): string[] {
  const entries = Object.entries(sampling.failures);
  const failed = entries.reduce((sum, [, count]) => sum + count, 0);
  const notes: string[] = [];
  if (failed > 0)
    notes.push(
      `${side}: ${failed} of ${sampling.taken} samples failed (${entries.map(([why, n]) => `${why}: ${n}`).join(', ')})`,
    );
  if (sampling.taken < sampling.planned)
    notes.push(`${side}: ${sampling.taken} of ${sampling.planned} samples taken (interrupted)`);
  return notes;
}

function bug(check: CheckSpec): never {
  throw new Error(`bug: the two sides of check "${check.name}" were derived differently`);
}
