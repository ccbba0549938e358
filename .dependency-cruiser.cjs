/* global module, require */
/**
 * The folder rules of `npm run lint`: the stages of docs/architecture.md, top to bottom. A folder
 * may import from the folders below it, never from one above it, and no two modules import each
 * other in a circle. The commands of the second row stand side by side; only `demo` uses another
 * command's work (it takes a snapshot as a user would). The spec loader sits above the sources
 * because it reads their registry (each source declares its own spec block); the field-table
 * machinery the sources declare their blocks with sits below them.
 */
const { LAYERS } = require('./.dependency-cruiser.stages.cjs');
const SIDEWAYS_ALLOWED = [['demo', 'snapshot']];

const folder = (name) => `^src/${name}/`;
const upward = [];
LAYERS.forEach((row, depth) => {
  const above = LAYERS.slice(0, depth).flat();
  for (const name of row) {
    if (above.length > 0) {
      upward.push({
        name: `no-upward-from-${name}`,
        comment: `src/${name} sits below ${above.join(', ')}: it may not import them`,
        severity: 'error',
        from: { path: folder(name) },
        to: { path: `^src/(${above.join('|')})/` },
      });
    }
    const sideways = row.filter(
      (other) => other !== name && !SIDEWAYS_ALLOWED.some(([a, b]) => a === name && b === other),
    );
    if (sideways.length > 0) {
      upward.push({
        name: `no-sideways-from-${name}`,
        comment: `src/${name} stands beside ${sideways.join(', ')}: commands do not use each other's work`,
        severity: 'error',
        from: { path: folder(name) },
        to: { path: `^src/(${sideways.join('|')})/` },
      });
    }
  }
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules that import each other in a circle cannot be read, tested or moved one at a time',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'root-files-import-no-folder',
      comment: 'the files directly in src/ (errors, redaction, result types, the IO contract) are below every folder',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
