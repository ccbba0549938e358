// The packed package.json without `prepare`: a clone's `npm ci` builds through it, but the package
// ships dist/ already built, so an install must not run (or warn about) a build script.
// `npm pack` / `npm publish` run `prepack` (strip) and `postpack` (restore) around the tarball.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const KEPT = '.package.json.unpacked';

const mode = process.argv[2];
if (mode === 'strip') {
  if (existsSync(KEPT))
    throw new Error(`${KEPT} exists: a previous pack did not restore package.json; restore it first`);
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync(KEPT, text);
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else {
  throw new Error('usage: node scripts/pack-manifest.js strip|restore');
}
