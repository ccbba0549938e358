/**
 * Sources are plug-ins (docs/adding-a-source.md): each type is one folder and one registry line,
 * and nothing outside its folder names it. These tests keep it so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_KINDS } from '../../../src/sources/registry.js';
import { kindOf, SOURCE_TYPES } from '../../../src/sources/index.js';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the source registry', () => {
  test('lists every kind once, each in a folder of its own type', () => {
    expect(new Set(SOURCE_TYPES).size).toBe(SOURCE_KINDS.length);
    for (const kind of SOURCE_KINDS) {
      expect(statSync(join(SRC, 'sources', kind.type)).isDirectory()).toBe(true);
      expect(kindOf(kind.type)).toBe(kind);
    }
  });

  test("a kind's spec block declares its own type as the only `type:` value", () => {
    for (const kind of SOURCE_KINDS) {
      const type = kind.fields.find((field) => field.key === 'type');
      expect(type?.required).toBe(true);
      expect(type?.type.kind === 'scalar' ? type.type.schema : undefined).toEqual({
        type: 'string',
        enum: [kind.type],
      });
    }
  });

  test('two kinds that share a check key (logs reads `query` and `by` too) declare it with the same value type', () => {
    const types = new Map<string, unknown>();
    for (const kind of SOURCE_KINDS) {
      for (const field of kind.checkFields) {
        if (types.has(field.key)) expect([field.key, field.type]).toEqual([field.key, types.get(field.key)]);
        types.set(field.key, field.type);
      }
    }
  });

  test('a mode key of one kind is not a check field of another', () => {
    const modeKeys = new Set(SOURCE_KINDS.flatMap((kind) => kind.checkModeKeys));
    for (const kind of SOURCE_KINDS)
      for (const field of kind.checkFields) {
        const owners = SOURCE_KINDS.filter((other) => other.checkModeKeys.includes(field.key)).map((k) => k.type);
        expect([field.key, modeKeys.has(field.key) ? owners.filter((t) => t !== kind.type) : []]).toEqual([
          field.key,
          [],
        ]);
      }
  });

  test('no code outside a source folder names a source type in a string', () => {
    const named: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const path = relative(SRC, file).split('\\').join('/');
      if (SOURCE_TYPES.some((type) => path.startsWith(`sources/${type}/`))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const type of SOURCE_TYPES)
            if (code.includes(`'${type}'`) || code.includes(`"${type}"`))
              named.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    // errors.ts: 'http' is a kind of request failure (a non-2xx answer), not a source type.
    expect(named.filter((hit) => !hit.startsWith('errors.ts:'))).toEqual([]);
  });
});
