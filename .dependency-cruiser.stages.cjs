/* global module */
/**
 * The stages of src/, top to bottom (docs/architecture.md): a folder imports only from the rows
 * below its own. .dependency-cruiser.cjs turns these rows into lint rules, and
 * test/unit/architecture.test.ts fails when a folder of src/ is in no row.
 */
const LAYERS = [
  ['cli'],
  // `run ... -- <deploy command>`: preflight, baseline, deploy, the gate, rollback (src/wrap).
  ['wrap'],
  ['demo', 'init', 'backtest', 'snapshot', 'preflight'],
  ['gate'],
  ['reports'],
  ['spec-file'],
  ['sources'],
  ['fields'],
  ['judge'],
  ['time', 'output'],
];

module.exports = { LAYERS };
