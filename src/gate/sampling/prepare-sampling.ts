/** Before a run: load the `--baseline-from` snapshot (checked against the spec) and plan the sampling. */
import { UsageError } from '../../errors.js';
import { SAMPLED_TYPES } from '../../sources/index.js';
import { loadSnapshot } from './load-snapshot.js';
import type { Spec } from '../../spec-model.js';
import { planProbes, probeChecksOf, type ProbePlan } from './plan-sampling.js';

/** Plan the probe checks of a run; throws UsageError for a missing, foreign or needless snapshot. */
export async function prepareProbes(spec: Spec, baselineFrom: string | undefined): Promise<ProbePlan> {
  if (baselineFrom !== undefined && probeChecksOf(spec).length === 0) {
    throw new UsageError(`--baseline-from is for specs whose checks read ${SAMPLED_TYPES} sources; this spec has none (Prometheus keeps its own history)`);
  }
  const snapshot = baselineFrom === undefined ? undefined : { path: baselineFrom, value: await loadSnapshot(baselineFrom, spec) };
  return planProbes(spec, snapshot);
}
