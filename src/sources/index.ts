/**
 * The source registry. To add a source type: add its spec to `SourceSpec` (src/spec/types.ts),
 * implement `Source` (range queries over the past) or `SampledSource` (sampled now, for
 * endpoints without history) in a folder of its own, and list its factory here; the `satisfies`
 * clauses make a missing factory a compile error.
 */
import type { SourceSpec } from '../spec/types.js';
import type { HttpSourceSpec, ScrapeSourceSpec } from '../spec/probe-types.js';
import { isSampledSourceType } from '../spec/probe-types.js';
import { createHttpSource } from './http/source.js';
import { createPrometheusSource, type PrometheusSourceOptions } from './prometheus/client.js';
import type { SampledSource } from './sampled-types.js';
import { createScrapeSource, type ScrapeOptions } from './scrape/source.js';
import { limitInFlight } from './limit-in-flight.js';
import type { Source } from './types.js';

/** Options every factory accepts. */
export type SourceOptions = PrometheusSourceOptions;

/** Specs of the sources that are sampled now rather than queried over a range. */
export type SampledSourceSpec = HttpSourceSpec | ScrapeSourceSpec;

/** Specs of the sources that answer range queries. */
export type RangeSourceSpec = Exclude<SourceSpec, SampledSourceSpec>;

type Factory<T extends RangeSourceSpec['type']> = (spec: Extract<RangeSourceSpec, { type: T }>, options?: SourceOptions) => Source;
type SampledFactory<T extends SampledSourceSpec['type']> = (spec: Extract<SampledSourceSpec, { type: T }>, options?: ScrapeOptions) => SampledSource;

/** One factory per range-query source type. */
export const sourceFactories = {
  prometheus: createPrometheusSource,
} satisfies { [T in RangeSourceSpec['type']]: Factory<T> };

/** One factory per sampled source type. */
export const sampledSourceFactories = {
  http: createHttpSource,
  scrape: createScrapeSource,
} satisfies { [T in SampledSourceSpec['type']]: SampledFactory<T> };

/** True for http / scrape sources, which keep no history. */
export function isSampledSourceSpec(spec: SourceSpec): spec is SampledSourceSpec {
  return isSampledSourceType(spec.type);
}

/** Create the range-query Source a spec entry describes, with at most 8 of its queries in flight at once. */
export function createSource(spec: SourceSpec, options: SourceOptions = {}): Source {
  if (isSampledSourceSpec(spec)) throw new Error(`bug: source "${spec.name}" (${spec.type}) keeps no history; use createSampledSource`);
  const factory = sourceFactories[spec.type] as Factory<RangeSourceSpec['type']>;
  return limitInFlight(factory(spec, options));
}

/** Create the SampledSource of an http or scrape spec entry. */
export function createSampledSource(spec: SampledSourceSpec, options: ScrapeOptions = {}): SampledSource {
  const factory = sampledSourceFactories[spec.type] as SampledFactory<SampledSourceSpec['type']>;
  return factory(spec, options);
}
