/**
 * The spec reference in the README, rendered from the same field tables as validation and the
 * JSON Schema, so the manual cannot drift from what the loader accepts.
 */
import { checkFields, specFields } from './fields.js';
import { SOURCE_KINDS } from '../sources/registry.js';
import type { FieldDef, ValueType } from '../fields/value-types.js';

const SECTIONS: { title: string; path: string; fields: readonly FieldDef[] }[] = [
  { title: 'Top level', path: '', fields: specFields.filter((f) => !['deploy', 'baseline', 'post'].includes(f.key)) },
  { title: 'Windows', path: '', fields: windowFields() },
  {
    title: 'Checks (`checks[]`, and `defaults:` for every key but name and the queries)',
    path: 'checks[].',
    fields: checkFields,
  },
  ...SOURCE_KINDS.flatMap((kind) => kind.reference),
];

/** Markdown tables of every spec key: type, default and meaning. */
export function renderSpecReference(): string {
  const parts: string[] = [];
  for (const section of SECTIONS) {
    parts.push(`### ${section.title}`, '', '| key | value | default | meaning |', '| --- | --- | --- | --- |');
    for (const field of section.fields) {
      const key = `\`${section.path}${field.key}\`${field.required ? ' (required)' : ''}`;
      parts.push(
        `| ${key} | ${cell(describeType(field.type))} | ${cell(describeDefault(field.default))} | ${cell(field.description)} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** deploy / baseline / post are small objects: list their keys with dotted paths. */
function windowFields(): FieldDef[] {
  return specFields
    .filter((f) => ['deploy', 'baseline', 'post'].includes(f.key))
    .flatMap((parent) =>
      parent.type.kind === 'object' ? parent.type.fields.map((f) => ({ ...f, key: `${parent.key}.${f.key}` })) : [],
    );
}

function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'scalar':
      return type.expected;
    case 'list':
      return `${type.single && type.item.kind === 'scalar' ? `${type.item.expected} or ` : ''}a list of ${type.item.kind === 'scalar' ? type.item.expected : 'objects'}${type.nested ? ' (or a list of such lists)' : ''}`;
    case 'map':
      return 'a mapping';
    case 'object':
      return 'an object';
    case 'union':
      return `an object with \`${type.discriminator}\`: ${Object.keys(type.variants).join(' | ')}`;
  }
}

function describeDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '`[]`' : `\`${JSON.stringify(value)}\``;
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).length === 0 ? '`{}`' : `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
