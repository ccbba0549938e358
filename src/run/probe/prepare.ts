/** Before a run: load the `--baseline-from` snapshot (checked against the spec) and plan the sampling. */
import { UsageError } from '../../errors.js';
import { assertTakenBeforeDeploy } from '../../snapshot/check-times.js';
import { loadSnapshot } from '../../snapshot/load.js';
import type { Spec } from '../../spec/types.js';
import { planProbes, probeChecksOf, type ProbePlan } from './plan-probes.js';

/** The deploy time and the current time of a run, unix seconds: a snapshot must predate both. */
export interface RunMoments {
  deployedAt: number;
  now: number;
}

/** Plan the probe checks of a run; throws UsageError for a missing, foreign, late or needless snapshot. */
export async function prepareProbes(spec: Spec, baselineFrom: string | undefined, moments: RunMoments): Promise<ProbePlan> {
  if (baselineFrom !== undefined && probeChecksOf(spec).length === 0) {
    throw new UsageError('--baseline-from is for specs whose checks read http or scrape sources; this spec has none (Prometheus keeps its own history)');
  }
  if (baselineFrom === undefined) return planProbes(spec, undefined);
  const value = await loadSnapshot(baselineFrom, spec);
  assertTakenBeforeDeploy(value, baselineFrom, moments.deployedAt, moments.now);
  return planProbes(spec, { path: baselineFrom, value });
}
