/** The published JSON Schema of the report (schema/report.schema.json), compiled for tests: open as published, and strict. */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const REPORT_SCHEMA = JSON.parse(
  readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** RFC 3339 with a timezone, as formatTime writes it (UTC, milliseconds only when not whole). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The schema with every object closed (`additionalProperties: false` wherever `properties` are
 * listed): what verify-deploy writes must match it exactly, while consumers get the open one.
 */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]));
  return 'properties' in copy ? { ...copy, additionalProperties: false } : copy;
}

function compile(schema: unknown): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) => RFC3339.test(text) && !Number.isNaN(Date.parse(text)),
  });
  return ajv.compile(schema as Record<string, unknown>);
}

export const validateOpen = compile(REPORT_SCHEMA);
export const validateStrict = compile(closeObjects(REPORT_SCHEMA));

/** The strict schema's errors for a JSON text, as readable lines ([] when it is valid). */
export function strictErrors(json: string): string[] {
  if (validateStrict(JSON.parse(json))) return [];
  return (validateStrict.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
