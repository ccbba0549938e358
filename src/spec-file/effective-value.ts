/** A check's value as it will be after defaults, read before defaults are applied (rules run first). */
import { defaultValue } from './apply-defaults.js';
import type { ReadObject } from '../fields/read-value.js';
import type { FieldDef } from '../fields/value-types.js';

/**
 * The value `key` will have: the object's own, else the fallback's (`defaults:`), else the field
 * table's default. Undefined when the value that wins is present but invalid (already reported),
 * so a rule does not add a second message about a value the user has to fix anyway.
 */
export function effectiveValue(
  object: ReadObject | undefined,
  key: string,
  fields: readonly FieldDef[],
  fallback?: ReadObject,
): unknown {
  if (object && key in object.nodes) return object.values[key];
  if (fallback && key in fallback.nodes) return fallback.values[key];
  const field = fields.find((f) => f.key === key);
  return field?.default === undefined ? undefined : defaultValue(field);
}
