import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkFields, specFields } from '../../../src/spec-file/fields.js';
import { prometheusSourceFields } from '../../../src/sources/prometheus/fields.js';
import { buildSpecJsonSchema, renderSpecJsonSchema } from '../../../src/spec-file/json-schema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/verify-deploy.schema.json', import.meta.url));

type Schema = { [key: string]: unknown };

/** Every `properties` entry anywhere in the schema, with its path. */
function allProperties(schema: unknown, path = '$'): Array<[string, Schema]> {
  if (schema === null || typeof schema !== 'object') return [];
  const found: Array<[string, Schema]> = [];
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as Schema))
        found.push([`${path}.${name}`, property as Schema]);
    }
    found.push(...allProperties(value, `${path}.${key}`));
  }
  return found;
}

describe('the JSON Schema', () => {
  it('committed file equals the generated one (run `npm run build` to update it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSpecJsonSchema());
  });

  it('is draft-07 and describes every property for editors', () => {
    const schema = buildSpecJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const properties = allProperties(schema);
    expect(properties.length).toBeGreaterThan(30);
    const undescribed = properties.filter(
      ([, property]) => typeof property.description !== 'string' || property.description === '',
    );
    expect(undescribed.map(([path]) => path)).toEqual([]);
  });

  it('comes from the field tables: same keys, same required keys, defaults as users write them', () => {
    const schema = buildSpecJsonSchema() as Schema & { properties: Record<string, Schema>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(specFields.map((field) => field.key));
    expect(schema.required).toEqual(['version', 'sources', 'checks']);
    const check = (schema.properties.checks as { items: { properties: Record<string, Schema> } }).items;
    expect(Object.keys(check.properties)).toEqual(checkFields.map((field) => field.key));
    expect(check.properties.tolerance?.default).toBe('10%');
    expect(check.properties.confidence?.default).toBe(0.95);
    const defaults = schema.properties.defaults as { properties: Record<string, Schema> };
    expect(Object.keys(defaults.properties)).not.toContain('query');
    expect(Object.keys(defaults.properties)).toContain('source');
    const source = (
      schema.properties.sources as { additionalProperties: { oneOf: Array<{ properties: Record<string, Schema> }> } }
    ).additionalProperties.oneOf[0];
    expect(Object.keys(source?.properties ?? {})).toEqual(prometheusSourceFields.map((field) => field.key));
    expect(source?.properties.timeout?.default).toBe('30s');
  });
});
