/**
 * The JSON Schema of the spec, generated from the field tables in fields.ts, so editors
 * (yaml-language-server) and the validator cannot disagree about which keys exist.
 * scripts/write-generated.js writes it to schema/verify-deploy.schema.json at build time.
 */
import { specFields } from './fields.js';
import type { FieldDef, JsonSchema, ValueType } from '../fields/value-types.js';

/** The spec's JSON Schema (draft-07, the dialect yaml-language-server supports best). */
export function buildSpecJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'verify-deploy spec, version 1',
    description:
      'A deploy-verification gate: checks compare Prometheus metrics before and after a deploy (or stable vs canary). ' +
      'Strings may use ${VAR} templates, filled from --var KEY=VALUE or the environment.',
    ...objectSchema(specFields),
  };
}

/** The schema as committed: stable key order, two-space indent, trailing newline. */
export function renderSpecJsonSchema(): string {
  return `${JSON.stringify(buildSpecJsonSchema(), null, 2)}\n`;
}

function objectSchema(fields: readonly FieldDef[], rules?: JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.key] = fieldSchema(field);
  const required = fields.filter((field) => field.required).map((field) => field.key);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...rules,
  };
}

function fieldSchema(field: FieldDef): JsonSchema {
  return {
    description: field.description,
    ...valueSchema(field.type),
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
}

function valueSchema(type: ValueType): JsonSchema {
  switch (type.kind) {
    case 'scalar':
      return { ...type.schema };
    case 'object':
      return objectSchema(type.fields, type.schemaRules);
    case 'list': {
      const list = {
        type: 'array',
        items: valueSchema(type.item),
        ...(type.minItems !== undefined ? { minItems: type.minItems } : {}),
      };
      const alternatives = [
        list,
        ...(type.single ? [valueSchema(type.item)] : []),
        ...(type.nested ? [{ type: 'array', items: list, minItems: 1 }] : []),
      ];
      return alternatives.length === 1 ? list : { oneOf: alternatives };
    }
    case 'map':
      return {
        type: 'object',
        ...(type.keyPattern ? { propertyNames: { pattern: type.keyPattern.regex.source } } : {}),
        additionalProperties: valueSchema(type.value),
        ...(type.minEntries !== undefined ? { minProperties: type.minEntries } : {}),
      };
    case 'union':
      return {
        type: 'object',
        required: [type.discriminator],
        properties: {
          [type.discriminator]: {
            description: `Which kind of ${type.discriminator} this is.`,
            enum: Object.keys(type.variants),
          },
        },
        oneOf: Object.values(type.variants).map((variant) => valueSchema(variant)),
      };
  }
}
