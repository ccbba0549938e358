/**
 * Rules that span several keys of a check, run after defaults are applied. Each rule is a
 * function of one check (or all of them) that records issues; the schema's version of the
 * query rule lives beside it so the two are read together.
 */
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { JsonSchema } from '../fields/value-types.js';

const QUERY_KEYS = ['query', 'baselineQuery', 'candidateQuery'] as const;
const COUNT_KEYS = ['numerator', 'denominator'] as const;

/** JSON Schema form of the query rule: `query`, or both canary queries, never a mix. */
export const queryModeSchema: JsonSchema = {
  oneOf: [
    { required: ['query'], not: { anyOf: [{ required: ['baselineQuery'] }, { required: ['candidateQuery'] }, ...countKeysSchema()] } },
    { required: ['baselineQuery', 'candidateQuery'], not: { anyOf: [{ required: ['query'] }, ...countKeysSchema()] } },
    {
      required: ['numerator', 'denominator'],
      not: { anyOf: [{ required: ['query'] }, { required: ['baselineQuery'] }, { required: ['candidateQuery'] }] },
    },
  ],
};

function countKeysSchema(): JsonSchema[] {
  return COUNT_KEYS.map((key) => ({ required: [key] }));
}

/** A check needs exactly one of `query`, both `baselineQuery` and `candidateQuery`, or both `numerator` and `denominator`. */
export function validateQueryMode(check: ReadObject, ctx: ReadContext): void {
  const has = (key: (typeof QUERY_KEYS)[number] | (typeof COUNT_KEYS)[number]): boolean => key in check.nodes;
  const who = check.where.owner;
  if (has('numerator') || has('denominator')) {
    validateCountMode(check, ctx);
    return;
  }
  if ('minTraffic' in check.nodes) {
    ctx.report(check.nodes.minTraffic, `${who} has "minTraffic", which only applies to count checks ("numerator" and "denominator"): remove it or make the check a count check`);
  }
  if (has('query') && (has('baselineQuery') || has('candidateQuery'))) {
    const extra = has('baselineQuery') ? 'baselineQuery' : 'candidateQuery';
    ctx.report(check.nodes[extra], `${who} has both "query" and "${extra}": use "query" (before/after) or "baselineQuery" + "candidateQuery" (canary), not both`);
  } else if (has('baselineQuery') !== has('candidateQuery')) {
    const missing = has('baselineQuery') ? 'candidateQuery' : 'baselineQuery';
    ctx.report(check.node, `${who} needs "${missing}" too: canary mode compares "baselineQuery" with "candidateQuery"`);
  } else if (!has('query') && !has('baselineQuery')) {
    ctx.report(check.node, `${who} needs a "query" (or "baselineQuery" and "candidateQuery" for a canary, or "numerator" and "denominator" for counts)`);
  }
}

/** A count check reads `numerator` and `denominator`, both, and no query. */
function validateCountMode(check: ReadObject, ctx: ReadContext): void {
  const who = check.where.owner;
  const query = QUERY_KEYS.find((key) => key in check.nodes);
  if (query !== undefined) {
    ctx.report(
      check.nodes[query],
      `${who} has both "numerator"/"denominator" and "${query}": a count check reads "numerator" and "denominator" instead of a query; keep one kind`,
    );
  } else if (!('numerator' in check.nodes) || !('denominator' in check.nodes)) {
    const missing = 'numerator' in check.nodes ? 'denominator' : 'numerator';
    ctx.report(check.node, `${who} needs "${missing}" too: a count check compares events ("numerator", e.g. errors) out of trials ("denominator", e.g. requests)`);
  }
}

/** `direction` has no default: the check or `defaults` must say which change is bad. */
export function validateDirection(check: ReadObject, ctx: ReadContext, defaults: ReadObject | undefined): void {
  if ('direction' in check.nodes || (defaults && 'direction' in defaults.nodes)) return;
  ctx.report(
    check.node,
    `${check.where.owner} needs "direction": increase, decrease or either (the change that is bad); set it in the check or in defaults`,
  );
}

/** `source` must be given (here or in `defaults`) and name an entry of `sources:`. */
export function validateCheckSource(check: ReadObject, ctx: ReadContext, defaults: ReadObject | undefined, sources: ReadonlySet<string>): void {
  if ('source' in check.nodes) {
    const name = check.values.source;
    if (typeof name === 'string' && !sources.has(name)) ctx.report(check.nodes.source, undefinedSourceMessage(name, check.where.owner, sources));
  } else if (!(defaults && 'source' in defaults.nodes)) {
    const hint = sources.size === 1 ? `: add "source: ${[...sources][0]}"` : '';
    ctx.report(check.node, `${check.where.owner} needs "source" (in the check or in defaults)${hint}`);
  }
}

/** The `source` of `defaults:`, checked once rather than in every check that inherits it. */
export function validateDefaultSource(defaults: ReadObject | undefined, ctx: ReadContext, sources: ReadonlySet<string>): void {
  const name = defaults?.values.source;
  if (typeof name === 'string' && !sources.has(name)) ctx.report(defaults?.nodes.source, undefinedSourceMessage(name, 'defaults', sources));
}

function undefinedSourceMessage(name: string, who: string, sources: ReadonlySet<string>): string {
  const known = sources.size > 0 ? `; defined sources: ${[...sources].join(', ')}` : '; define it under "sources:"';
  return `${who} uses source "${name}", which is not defined${known}`;
}

/** When both bounds are set, `max` must not be below `min`. */
export function validateBounds(check: ReadObject, ctx: ReadContext): void {
  const { max, min } = check.values;
  if (typeof max === 'number' && typeof min === 'number' && max < min) {
    ctx.report(check.nodes.max ?? check.nodes.min ?? check.node, `${check.where.owner} has "max" (${max}) below "min" (${min}): max must be >= min`);
  }
}

/** Check names identify results in reports, so they must be unique. */
export function validateUniqueNames(checks: readonly ReadObject[], ctx: ReadContext): void {
  const seen = new Set<string>();
  for (const check of checks) {
    const name = check.values.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) ctx.report(check.nodes.name, `duplicate check name "${name}": check names must be unique`);
    seen.add(name);
  }
}
