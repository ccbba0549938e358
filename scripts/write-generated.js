#!/usr/bin/env node
/**
 * Writes the files generated from the spec's field tables (run by `npm run build`, after tsc):
 * schema/verify-deploy.schema.json, and the spec reference between the markers in README.md.
 * Both are committed so editors and readers use them from the repository; unit tests
 * (test/unit/spec-file/json-schema.test.ts, test/unit/spec-file/markdown-reference.test.ts) fail when
 * either is out of date.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'schema', 'verify-deploy.schema.json');
const readmeFile = join(root, 'README.md');
const START = '<!-- spec-reference:start (generated from src/spec-file/fields.ts by npm run build) -->';
const END = '<!-- spec-reference:end -->';

const { renderSpecJsonSchema } = await import('../dist/spec-file/json-schema.js');
const { renderSpecReference } = await import('../dist/spec-file/markdown-reference.js');

await mkdir(dirname(schemaFile), { recursive: true });
await writeFile(schemaFile, renderSpecJsonSchema());

const readme = await readFile(readmeFile, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} ... ${END}`);
const updated = `${readme.slice(0, start + START.length)}\n${renderSpecReference()}${readme.slice(end)}`;
if (updated !== readme) await writeFile(readmeFile, updated);
