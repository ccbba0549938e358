/** Sample several sources at once, each on its own clock, reporting progress on one line per source. */
import { isSampledSourceSpec, sampledKindOf } from '../../sources/index.js';
import type { SampledSourceSpec, SampleTarget, Sampling } from '../../sources/sampled-types.js';
import type { CheckSpec, SourceCheckPart, SourceSpec } from '../../spec-model.js';
import { describeSampling } from './describe-sampling.js';

/** What to sample of one source. */
export interface SourceSampling {
  spec: SampledSourceSpec;
  targets: readonly SampleTarget[];
}

export type Collected = Record<string, Partial<Record<SampleTarget, Sampling>>>;

/** Sample every source concurrently; `progress` gets a line when each source finishes. */
export async function collectSources(
  plans: readonly SourceSampling[],
  checks: readonly CheckSpec[],
  signal: AbortSignal,
  progress?: (line: string) => void,
): Promise<Collected> {
  const collected: Collected = Object.create(null);
  await Promise.all(
    plans.map(async ({ spec, targets }) => {
      const kind = sampledKindOf(spec.type);
      if (kind === undefined) throw new Error(`bug: source "${spec.name}" (${spec.type}) is not sampled`);
      const parts = checks
        .filter((check) => check.source === spec.name)
        .flatMap((check): SourceCheckPart[] => (check.probe === undefined ? [] : [check.probe]));
      const source = kind.create(spec, parts);
      progress?.(`sampling ${spec.name}: ${describeSampling(spec, targets)}\n`);
      collected[spec.name] = await source.collect(targets, signal);
    }),
  );
  return collected;
}

/** The sampled sources the checks read, each once, in spec order. */
export function sampledSourcesOf(
  sources: Record<string, SourceSpec>,
  checks: readonly CheckSpec[],
): SampledSourceSpec[] {
  const used = new Set(checks.map((c) => c.source));
  return Object.values(sources).filter((s): s is SampledSourceSpec => isSampledSourceSpec(s) && used.has(s.name));
}
