/**
 * Which keys a check needs depends on the type of the source it reads: each kind (registry)
 * says which keys are its own and how a check on it is checked; here a check finds its source's
 * kind, other kinds' keys are refused, and the JSON Schema offers one alternative per kind.
 */
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { JsonSchema } from '../fields/value-types.js';
import { joinWithOr, kindOf } from '../sources/index.js';
import { SOURCE_KINDS } from '../sources/registry.js';
import type { SourceKind } from '../sources/source-kind.js';

/** The check keys of a kind that other kinds' checks may not use (its mode keys, then its own fields). */
function ownKeys(kind: SourceKind): string[] {
  return [...new Set([...kind.checkModeKeys, ...kind.checkFields.map((field) => field.key)])];
}

const others = (kind: SourceKind): SourceKind[] => SOURCE_KINDS.filter((other) => other !== kind);

/** Mode keys of the other kinds that `kind` does not share (logs checks read `query` and `numerator` too). */
const foreignModeKeys = (kind: SourceKind): string[] =>
  others(kind)
    .flatMap((other) => other.checkModeKeys)
    .filter((key) => !kind.checkModeKeys.includes(key));

/** JSON Schema: a check is one of some kind's, and then has no other kind's mode keys. */
export const checkModeSchema: JsonSchema = {
  anyOf: SOURCE_KINDS.flatMap((kind) => kind.checkSchemas([...new Set(foreignModeKeys(kind))])),
};

/**
 * Check the keys of `check` against the kind of its source (its own `source`, else the default).
 * A check whose source type is unknown is read as one on the first kind of the registry, whose
 * rule then says what is missing; one whose source is undefined but that has another kind's keys
 * is left alone (the undefined source is reported elsewhere; its keys cannot be judged).
 */
export function validateCheckMode(
  check: ReadObject,
  ctx: ReadContext,
  defaults: ReadObject | undefined,
  sources: Record<string, ReadObject>,
  text: string,
): void {
  const name = check.values.source ?? defaults?.values.source;
  const source = typeof name === 'string' && Object.hasOwn(sources, name) ? sources[name] : undefined;
  const fallback = SOURCE_KINDS[0] as SourceKind;
  const kind = kindOf(source?.values.type) ?? fallback;
  if (
    typeof name === 'string' &&
    source === undefined &&
    others(fallback).some((other) => other.checkModeKeys.some((key) => key in check.nodes))
  )
    return;
  const foreign = [...new Set(others(kind).flatMap(ownKeys))].filter((key) => !ownKeys(kind).includes(key));
  kind.validateCheck(check, {
    ctx,
    text,
    source,
    refuseForeignKeys: (why) => {
      for (const key of foreign) {
        if (!(key in check.nodes)) continue;
        const owners = joinWithOr(
          others(kind)
            .filter((other) => ownKeys(other).includes(key))
            .map((other) => other.type),
        );
        ctx.report(check.nodes[key], `"${key}" in ${check.where.owner} ${typeof why === 'string' ? why : why(owners)}`);
      }
    },
  });
}
