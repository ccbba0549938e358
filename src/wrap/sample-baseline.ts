/**
 * The baseline of the sources without history, sampled now, before the deploy command runs (the
 * `snapshot` command's work, kept in memory): progress goes to stderr, and a source none of whose
 * samples succeeded stops the run before anything is deployed (exit 3).
 */
import { SourceError } from '../errors.js';
import { sampledSourcesOf } from '../gate/sampling/collect-samples.js';
import type { Snapshot } from '../gate/sampling/snapshot-format.js';
import { takeSnapshot } from '../snapshot/take-snapshot.js';
import type { Spec } from '../spec-model.js';

/** What the report's snapshot note names as the baseline's origin. */
export const SAMPLED_BEFORE_DEPLOY = '(sampled before the deploy command)';

export async function sampleBaselineBeforeDeploy(
  spec: Spec,
  signal: AbortSignal,
  now: () => number,
  stderr: (text: string) => void,
): Promise<{ path: string; value: Snapshot } | undefined> {
  const needed = sampledSourcesOf(spec.sources, spec.checks).filter((s) => s.baselineUrl === undefined);
  if (needed.length === 0) return undefined;
  stderr(`baseline: sampling ${needed.map((s) => s.name).join(', ')} before the deploy (no history to read later)\n`);
  const value = await takeSnapshot(spec, signal, now, stderr);
  for (const [name, sampling] of Object.entries(value.sources)) {
    const failed = Object.values(sampling.failures).reduce((a, b) => a + b, 0);
    if (sampling.taken > 0 && failed >= sampling.taken) {
      const why = Object.keys(sampling.failures).join(', ');
      throw new SourceError(
        `nothing was deployed: every baseline sample of source "${name}" failed (${why}); the gate could not judge this deploy`,
        { retryable: false, kind: 'network' },
      );
    }
  }
  return { path: SAMPLED_BEFORE_DEPLOY, value };
}
