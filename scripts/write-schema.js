#!/usr/bin/env node
/**
 * Writes schema/verify-deploy.schema.json from the compiled field tables (run by `npm run build`,
 * after tsc). The file is committed so editors can use it from the repository; a unit test
 * (test/unit/spec/json-schema.test.ts) fails when it is out of date.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'schema', 'verify-deploy.schema.json');

const { renderSpecJsonSchema } = await import('../dist/spec/json-schema.js');
await mkdir(dirname(target), { recursive: true });
await writeFile(target, renderSpecJsonSchema());
process.stderr.write(`wrote ${target}\n`);
