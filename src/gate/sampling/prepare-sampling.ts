/** Before a run: load the `--baseline-from` snapshot (checked against the spec) and plan the sampling. */
import { UsageError } from '../../errors.js';
import { SAMPLED_TYPES } from '../../sources/index.js';
import { loadSnapshot } from './load-snapshot.js';
import type { Spec } from '../../spec-model.js';
import { planSampling, sampledChecksOf, type SamplingPlan } from './plan-sampling.js';
import { assertTakenBeforeDeploy } from './snapshot-times.js';

/** The deploy time and the current time of a run, unix seconds: a snapshot must predate both. */
export interface RunMoments {
  deployedAt: number;
  now: number;
}

/** Plan the probe checks of a run; throws UsageError for a missing, foreign, late or needless snapshot. */
export async function prepareSampling(
  spec: Spec,
  baselineFrom: string | undefined,
  moments: RunMoments,
  preview = false,
): Promise<SamplingPlan> {
  if (baselineFrom !== undefined && sampledChecksOf(spec).length === 0) {
    throw new UsageError(
      `--baseline-from is for specs whose checks read ${SAMPLED_TYPES} sources; this spec has none (Prometheus keeps its own history)`,
    );
  }
  if (baselineFrom === undefined) return planSampling(spec, undefined, preview);
  const value = await loadSnapshot(baselineFrom, spec);
  assertTakenBeforeDeploy(value, baselineFrom, moments.deployedAt, moments.now);
  return planSampling(spec, { path: baselineFrom, value });
}
