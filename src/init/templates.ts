/**
 * The commented starter specs `verify-deploy init` writes, one per kind of source: the header
 * and defaults are shared, the rest is each kind's (`starter` in src/sources/<type>/). Each must
 * validate as written (test/unit/snapshot/init.test.ts checks it), so placeholders are real
 * loopback URLs rather than unset ${VARIABLES}.
 */
import { kindOf, SOURCE_TYPES } from '../sources/index.js';
import { SOURCE_KINDS } from '../sources/registry.js';

/** Every source type, in registry order; the first is `init`'s default. */
export const STARTER_SOURCES: readonly string[] = SOURCE_TYPES;
export type StarterSource = string;

const HEADER = `# yaml-language-server: $schema=./node_modules/verify-deploy/schema/verify-deploy.schema.json
# A verify-deploy spec: every check compares a baseline with the new version and fails the gate
# (exit 1) on a regression beyond its tolerance. Check it with: verify-deploy validate verify.yaml
version: 1
name: my-service                    # shown in reports
`;

const DEFAULTS = `defaults:                           # any check key can be defaulted here
  confidence: 0.95                  # 1 - the false-alarm rate of each test
  tolerance: 10%                    # relative change allowed before it counts as a regression
`;

/** One line per kind for `init --help`: its type and what it reads. */
export function starterSummaries(): string {
  const width = Math.max(...SOURCE_KINDS.map((kind) => kind.type.length));
  return SOURCE_KINDS.map((kind) => `  ${kind.type.padEnd(width)}  ${kind.summary}`).join('\n');
}

/** The starter spec text for a kind of source. */
export function renderStarterSpec(source: StarterSource): string {
  const kind = kindOf(source);
  if (kind === undefined) throw new Error(`bug: no source type "${source}" (commander checks the choices)`);
  return kind.starter({ header: HEADER, defaults: DEFAULTS });
}
