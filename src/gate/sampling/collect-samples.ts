/** Sample several sources at once, each on its own clock, reporting progress on one line per source. */
import { createSampledSource, type SampledSourceSpec } from '../../sources/index.js';
import type { SampleTarget, Sampling } from '../../sources/sampled-types.js';
import type { CheckSpec } from '../../spec-model.js';
import { metricsForSource } from '../../sources/scrape/metrics-needed.js';

/** What to sample of one source. */
export interface SourceSampling {
  spec: SampledSourceSpec;
  targets: readonly SampleTarget[];
}

export type Collected = Record<string, Partial<Record<SampleTarget, Sampling>>>;

/** Sample every source concurrently; `progress` gets a line when each source finishes. */
export async function collectSources(plans: readonly SourceSampling[], checks: readonly CheckSpec[], signal: AbortSignal, progress?: (line: string) => void): Promise<Collected> {
  const collected: Collected = Object.create(null);
  await Promise.all(
    plans.map(async ({ spec, targets }) => {
      const source = createSampledSource(spec, { metrics: metricsForSource(checks, spec.name) });
      progress?.(`sampling ${spec.name}: ${spec.samples} ${spec.type === 'http' ? 'probes' : 'scrapes'} every ${spec.interval}s of ${targets.join(' and ')}\n`);
      collected[spec.name] = await source.collect(targets, signal);
    }),
  );
  return collected;
}

/** The sampled sources the checks read, each once, in spec order. */
export function sampledSourcesOf(sources: Record<string, { type: string }>, checks: readonly CheckSpec[]): SampledSourceSpec[] {
  const used = new Set(checks.map((c) => c.source));
  return Object.values(sources).filter((s): s is SampledSourceSpec => (s.type === 'http' || s.type === 'scrape') && used.has((s as SampledSourceSpec).name));
}
