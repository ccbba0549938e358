/**
 * The check rule of Prometheus sources: a check reads PromQL as `query` (before/after), as
 * `baselineQuery` + `candidateQuery` (canary), or as `numerator` + `denominator` (counts). The
 * schema's version of the rule lives beside it so the two are read together.
 */
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import type { JsonSchema } from '../../fields/value-types.js';
import type { CheckRuleContext } from '../source-kind.js';

/** The keys of a PromQL check: any of them makes a check one on a range source. */
export const PROMQL_KEYS = ['query', 'baselineQuery', 'candidateQuery', 'numerator', 'denominator'] as const;

const QUERY_KEYS = ['query', 'baselineQuery', 'candidateQuery'] as const;
const COUNT_KEYS = ['numerator', 'denominator'] as const;

/** JSON Schema form of the query rule: `query`, or both canary queries, never a mix. */
export const queryModeSchema: JsonSchema = {
  oneOf: [
    {
      required: ['query'],
      not: { anyOf: [{ required: ['baselineQuery'] }, { required: ['candidateQuery'] }, ...countKeysSchema()] },
    },
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
    ctx.report(
      check.nodes.minTraffic,
      `${who} has "minTraffic", which only applies to count checks ("numerator" and "denominator"): remove it or make the check a count check`,
    );
  }
  if (has('query') && (has('baselineQuery') || has('candidateQuery'))) {
    const extra = has('baselineQuery') ? 'baselineQuery' : 'candidateQuery';
    ctx.report(
      check.nodes[extra],
      `${who} has both "query" and "${extra}": use "query" (before/after) or "baselineQuery" + "candidateQuery" (canary), not both`,
    );
  } else if (has('baselineQuery') !== has('candidateQuery')) {
    const missing = has('baselineQuery') ? 'candidateQuery' : 'baselineQuery';
    ctx.report(check.node, `${who} needs "${missing}" too: canary mode compares "baselineQuery" with "candidateQuery"`);
  } else if (!has('query') && !has('baselineQuery')) {
    ctx.report(
      check.node,
      `${who} needs a "query" (or "baselineQuery" and "candidateQuery" for a canary, or "numerator" and "denominator" for counts)`,
    );
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
    ctx.report(
      check.node,
      `${who} needs "${missing}" too: a count check compares events ("numerator", e.g. errors) out of trials ("denominator", e.g. requests)`,
    );
  }
}

/** JSON Schema: the query rule, with no other kind's keys. */
export function promqlCheckSchemas(foreignKeys: readonly string[]): JsonSchema[] {
  return [{ allOf: [queryModeSchema, { not: { anyOf: foreignKeys.map((key) => ({ required: [key] })) } }] }];
}

/** A check on a Prometheus source: no other kind's keys, and the query rule. */
export function validatePromqlCheck(check: ReadObject, rule: CheckRuleContext): void {
  rule.refuseForeignKeys((owners) => `applies only to checks on ${owners} sources`);
  validateQueryMode(check, rule.ctx);
}
