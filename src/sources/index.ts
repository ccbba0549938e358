/**
 * What the rest of the program asks about sources, answered from the registry (registry.ts):
 * the kind of a `type:`, whether a source keeps history, and the Source of a spec entry.
 */
import type { SourceSpec } from '../spec-model.js';
import { SOURCE_KINDS } from './registry.js';
import type { SampledSourceSpec } from './sampled-types.js';
import type { RangeSourceKind, SampledSourceKind, SourceKind } from './source-kind.js';
import { limitInFlight } from './limit-in-flight.js';
import type { Source } from './types.js';

/** Every source type, in registry order. */
export const SOURCE_TYPES: readonly string[] = SOURCE_KINDS.map((kind) => kind.type);

/** The sampled types, for messages: "http or scrape". */
export const SAMPLED_TYPES: string = joinWithOr(
  SOURCE_KINDS.filter((kind) => kind.history === 'sampled').map((kind) => kind.type),
);

/** "a", "a or b", "a, b or c". */
export function joinWithOr(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');
}

/** Whether a kind writes its checks' queries itself (`checkQueries`): they are not PromQL. */
export function writesOwnQueries(type: unknown): boolean {
  const kind = kindOf(type);
  return kind?.history === 'range' && kind.checkQueries !== undefined;
}

/** The kind of a `type:` value; undefined for an unknown (or absent) type. */
export function kindOf(type: unknown): SourceKind | undefined {
  return SOURCE_KINDS.find((kind) => kind.type === type);
}

/** The types whose sources find deploys for `deploy.detect` (they declare `validateDetect`), for messages. */
export const DETECT_TYPES: string = joinWithOr(
  SOURCE_KINDS.filter((kind) => kind.validateDetect !== undefined).map((kind) => kind.type),
);

/** The kind of a sampled source's `type:`, undefined for a range source or an unknown type. */
export function sampledKindOf(type: unknown): SampledSourceKind | undefined {
  const kind = kindOf(type);
  return kind?.history === 'sampled' ? kind : undefined;
}

/** True for the sources that keep no history (sampled now, e.g. HTTP probes and scraped /metrics). */
export function isSampledSourceSpec(spec: SourceSpec): spec is SampledSourceSpec {
  return sampledKindOf(spec.type) !== undefined;
}

/** One factory per range-query source type. */
export const sourceFactories: Readonly<Record<string, RangeSourceKind['create']>> = Object.fromEntries(
  SOURCE_KINDS.flatMap((kind): [string, RangeSourceKind['create']][] =>
    kind.history === 'range' ? [[kind.type, (spec) => kind.create(spec)]] : [],
  ),
);

/** Create the range-query Source a spec entry describes, with at most 8 of its queries in flight at once. */
export function createSource(spec: SourceSpec): Source {
  const kind = kindOf(spec.type);
  if (kind === undefined) throw new Error(`bug: source "${spec.name}" has the unknown type "${spec.type}"`);
  if (kind.history !== 'range')
    throw new Error(`bug: source "${spec.name}" (${spec.type}) keeps no history; sample it (src/gate/sampling)`);
  return limitInFlight(kind.create(spec));
}
