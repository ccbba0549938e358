/**
 * The source registry. To add a source type: add its spec to `SourceSpec` (src/spec/types.ts),
 * implement `Source` in a folder of its own, and list its factory here; the `satisfies` clause
 * makes a missing factory a compile error.
 */
import type { SourceSpec } from '../spec/types.js';
import { createPrometheusSource, type PrometheusSourceOptions } from './prometheus/client.js';
import type { Source } from './types.js';

/** Options every factory accepts. */
export type SourceOptions = PrometheusSourceOptions;

type Factory<T extends SourceSpec['type']> = (spec: Extract<SourceSpec, { type: T }>, options?: SourceOptions) => Source;

/** One factory per source type. */
export const sourceFactories = {
  prometheus: createPrometheusSource,
} satisfies { [T in SourceSpec['type']]: Factory<T> };

/** Create the Source a spec entry describes. */
export function createSource(spec: SourceSpec, options: SourceOptions = {}): Source {
  const factory = sourceFactories[spec.type] as Factory<SourceSpec['type']>;
  return factory(spec, options);
}
