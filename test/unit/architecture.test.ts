/**
 * The folder rules of `npm run lint` (.dependency-cruiser.cjs) only constrain the folders they
 * list: a new folder under src/ must take its place in the stages, or its imports go unchecked.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.stages.cjs')) as { LAYERS: string[][] };

test('every folder of src/ is in exactly one row of the stages', () => {
  const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const listed = config.LAYERS.flat();
  expect(new Set(listed).size).toBe(listed.length);
  expect([...listed].sort()).toEqual(folders);
});

test('the CLI is the top row and the statistics sit below every stage that calls them', () => {
  expect(config.LAYERS[0]).toEqual(['cli']);
  const row = (name: string): number => config.LAYERS.findIndex((names) => names.includes(name));
  for (const caller of ['gate', 'reports', 'sources', 'spec-file']) expect(row(caller)).toBeLessThan(row('judge'));
});
