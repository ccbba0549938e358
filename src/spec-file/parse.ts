/** Spec text to a validated Spec, or every issue found in it. Pure: no file or network access. */
import { isMap, isScalar } from 'yaml';
import type { SpecIssue } from '../errors.js';
import { applyDefaults } from './apply-defaults.js';
import {
  validateBounds,
  validateCheckSource,
  validateDefaultSource,
  validateDirection,
  validateUniqueNames,
} from './check-rules.js';
import { checkFields, sourceTypes, specFields } from './fields.js';
import { variableLookup } from '../fields/interpolate.js';
import { buildSpec } from './build-spec.js';
import { validateCountQueries } from './count-rules.js';
import { validateCheckMode } from './check-mode.js';
import { validateBaselineOffset } from './offset-rules.js';
import { validateDeployDetect } from './detect-rules.js';
import { validateBaselineHistory } from './history-rules.js';
import { ReadContext } from '../fields/read-context.js';
import { readObject, type ReadObject } from '../fields/read-value.js';
import { kindOf, writesOwnQueries } from '../sources/index.js';
import type { FieldDef } from '../fields/value-types.js';
import type { Spec } from '../spec-model.js';
import { validateQueries } from './validate-queries.js';
import { parseYamlDocument } from '../fields/yaml-document.js';

/** Specs are small; a bigger file is a mistake or an attack (alias bombs aside, YAML is costly). */
export const MAX_SPEC_BYTES = 1024 * 1024;

/** Where `${VAR}` values come from. */
export interface SpecOptions {
  /** `--var KEY=VALUE` values; they win over `env`. */
  vars: Record<string, string>;
  env: Record<string, string | undefined>;
}

/** Parse and validate spec text; `spec` is set only when there are no issues. */
export function parseSpec(text: string, file: string, opts: SpecOptions): { spec?: Spec; issues: SpecIssue[] } {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_SPEC_BYTES) return { issues: [sizeIssue(file, size)] };
  const parsed = parseYamlDocument(text, file);
  if (parsed.fatal) return { issues: sortIssues(parsed.issues) };
  // Names the spec asks for, so a --var it never uses is said (a misspelt name would otherwise be ignored).
  const asked = new Set<string>();
  const lookup = variableLookup(opts.vars, opts.env);
  const ctx = new ReadContext(file, parsed.lineCounter, (name) => (asked.add(name), lookup(name)));
  const contents = parsed.doc.contents;
  if (!isMap(contents)) {
    const empty = contents === null || (isScalar(contents) && contents.value === null);
    ctx.report(
      contents ?? undefined,
      empty
        ? 'the spec is empty: start with "version: 1"'
        : 'the spec must be a mapping of keys to values, starting with "version: 1"',
    );
    return { issues: sortIssues([...parsed.issues, ...ctx.issues]) };
  }
  const root = readObject(contents, { kind: 'object', fields: specFields }, { owner: '', path: [] }, ctx);
  const sources = (root.values.sources ?? {}) as Record<string, ReadObject>;
  const checks = (root.values.checks ?? []) as ReadObject[];
  const defaults = root.values.defaults as ReadObject | undefined;
  validateRules(root, sources, checks, defaults, text, ctx);
  applyDefaults(root, specFields);
  for (const source of Object.values(sources)) applyDefaults(source, sourceFieldsOf(source));
  for (const check of checks) applyDefaults(check, checkFields, defaults);
  const issues = sortIssues([...parsed.issues, ...ctx.issues]);
  if (issues.length > 0) return { issues };
  const spec = buildSpec(root, sources, checks, ctx);
  const unused = Object.keys(opts.vars).filter((name) => !asked.has(name));
  const warnings = unused.map(
    (name) => `${file}: --var ${name} is not used: the spec has no \${${name}} (is it misspelt?)`,
  );
  if (warnings.length > 0) spec.warnings = [...(spec.warnings ?? []), ...warnings];
  return { spec, issues };
}

function validateRules(
  root: ReadObject,
  sources: Record<string, ReadObject>,
  checks: readonly ReadObject[],
  defaults: ReadObject | undefined,
  text: string,
  ctx: ReadContext,
): void {
  const names = sourceNames(root);
  for (const source of Object.values(sources)) kindOf(source.values.type)?.validateSource?.(source, ctx, text);
  validateDefaultSource(defaults, ctx, names);
  validateUniqueNames(checks, ctx);
  for (const check of checks) {
    validateCheckMode(check, ctx, defaults, sources, text);
    validateDirection(check, ctx, defaults);
    validateCheckSource(check, ctx, defaults, names);
    validateBounds(mergedBounds(check, defaults), ctx);
    // A kind that writes its own queries (logs selectors) checks them in its own rule, not as PromQL.
    const sourceName = check.values.source ?? defaults?.values.source;
    const source =
      typeof sourceName === 'string' && Object.hasOwn(sources, sourceName) ? sources[sourceName] : undefined;
    if (writesOwnQueries(source?.values.type)) continue;
    validateQueries(check, text, ctx);
    validateCountQueries(check, defaults, text, ctx);
  }
  validateBaselineOffset(root, checks, ctx);
  validateDeployDetect(root, sources, ctx, text);
  validateBaselineHistory(root, sources, checks, defaults, ctx);
}

/** The field table of a source's `type` (the first kind's when unknown: its issue is already reported). */
function sourceFieldsOf(source: ReadObject): readonly FieldDef[] {
  const type = source.values.type;
  return (
    (typeof type === 'string' && Object.hasOwn(sourceTypes, type) ? sourceTypes[type] : Object.values(sourceTypes)[0])
      ?.fields ?? []
  );
}

/** Every name under `sources:`, valid or not, so a broken source is not also called undefined. */
function sourceNames(root: ReadObject): Set<string> {
  const node = root.nodes.sources;
  const names = new Set<string>();
  if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) names.add(String(pair.key.value));
  return names;
}

/** `max`/`min` as the check will see them, so a bound from defaults is compared too. */
function mergedBounds(check: ReadObject, defaults: ReadObject | undefined): ReadObject {
  const values = Object.create(null) as Record<string, unknown>;
  for (const key of ['max', 'min']) values[key] = check.values[key] ?? defaults?.values[key];
  return { ...check, values };
}

function sizeIssue(file: string, size: number): SpecIssue {
  return {
    file,
    line: 1,
    col: 1,
    message: `the spec file is ${size} bytes, over the 1 MiB (${MAX_SPEC_BYTES} bytes) limit: check that this is the right file`,
  };
}

/** Issues in file order, as a reader goes through the file. */
function sortIssues(issues: SpecIssue[]): SpecIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
