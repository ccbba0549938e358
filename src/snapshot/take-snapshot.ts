/** `snapshot`'s work: sample every source without history now, as the baseline of a later run. */
import { UsageError } from '../errors.js';
import { collectSources, sampledSourcesOf } from '../gate/sampling/collect-samples.js';
import { SAMPLED_TYPES } from '../sources/index.js';
import type { Spec } from '../spec-model.js';
import { formatTime } from '../time/format-time.js';
import { SNAPSHOT_FORMAT, type Snapshot } from '../gate/sampling/snapshot-format.js';
import { hashSampledSpec } from '../gate/sampling/snapshot-spec-hash.js';

/** Take a snapshot of the spec's sampled sources (those without `baselineUrl`, which need none). */
export async function takeSnapshot(
  spec: Spec,
  signal: AbortSignal,
  now: () => number,
  progress?: (line: string) => void,
): Promise<Snapshot> {
  const sources = sampledSourcesOf(spec.sources, spec.checks).filter((s) => s.baselineUrl === undefined);
  if (sources.length === 0) {
    throw new UsageError(
      `nothing to snapshot: no check reads an ${SAMPLED_TYPES} source without baselineUrl (Prometheus keeps its own history, and baselineUrl sources are compared side by side)`,
    );
  }
  const takenAt = formatTime(now());
  const collected = await collectSources(
    sources.map((spec) => ({ spec, targets: ['url'] as const })),
    spec.checks,
    signal,
    progress,
  );
  if (signal.aborted)
    throw new UsageError(
      'interrupted: the snapshot was not written (a partial baseline would judge against less than the spec asks)',
    );
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    specHash: hashSampledSpec(spec),
    takenAt,
    sources: {},
  };
  if (spec.name !== undefined) snapshot.specName = spec.name;
  for (const source of sources) {
    const sampling = collected[source.name]?.url;
    if (sampling === undefined) throw new Error(`bug: no samples of source "${source.name}"`);
    snapshot.sources[source.name] = sampling;
  }
  return snapshot;
}
