/** Defaults, in the order a reader expects: the check's own value, then `defaults:`, then the table. */
import type { ReadObject } from '../fields/read-value.js';
import type { FieldDef } from '../fields/value-types.js';

/** Fill every absent key of `target` from `fallback` (if given), then from the field table's default. */
export function applyDefaults(target: ReadObject, fields: readonly FieldDef[], fallback?: ReadObject): void {
  for (const field of fields) {
    const present = target.values[field.key];
    if (present !== undefined) {
      if (field.type.kind === 'object') applyDefaults(present as ReadObject, field.type.fields);
      continue;
    }
    const inherited = fallback?.values[field.key];
    if (inherited !== undefined) {
      target.values[field.key] = Array.isArray(inherited) ? [...inherited] : inherited;
    } else if (field.type.kind === 'object' && field.type.fields.some((f) => f.default !== undefined)) {
      const nested: ReadObject = {
        node: undefined,
        where: { owner: target.where.owner, path: [...target.where.path, field.key] },
        values: Object.create(null),
        nodes: Object.create(null),
      };
      applyDefaults(nested, field.type.fields);
      target.values[field.key] = nested;
    } else if (field.default !== undefined) {
      target.values[field.key] = defaultValue(field);
    }
  }
}

/** A field's default parsed like user input, so defaults are written once, as users write them. */
export function defaultValue(field: FieldDef): unknown {
  const { type } = field;
  if (type.kind === 'scalar') {
    const parsed = type.parse(field.default);
    if (!parsed.ok) throw new Error(`bug: the default of "${field.key}" does not parse`);
    return parsed.value;
  }
  if (type.kind === 'list') return Array.isArray(field.default) ? [...(field.default as unknown[])] : [];
  return Object.create(null);
}
