/**
 * Rules of an http source and of the checks that read it: `condition` and `value` are parsed
 * here so errors point at the line and column inside them; a check needs `measure`.
 */
import { reportExpressionError } from '../../fields/expression-error.js';
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import type { JsonSchema } from '../../fields/value-types.js';
import type { CheckRuleContext } from '../source-kind.js';
import { parseJsonCondition } from './json-condition.js';
import { parseJsonPath } from './json-path.js';

/** JSON Schema: a check with `measure` and no other kind's keys. */
export function httpCheckSchemas(foreignKeys: readonly string[]): JsonSchema[] {
  return [{ required: ['measure'], not: { anyOf: foreignKeys.map((key) => ({ required: [key] })) } }];
}

/** Parse the `condition` and `value` of an http source, pointing errors into the file. */
export function validateHttpSource(source: ReadObject, ctx: ReadContext, text: string): void {
  const { condition, value } = source.values;
  if (typeof condition === 'string')
    reportExpressionError(
      () => parseJsonCondition(condition),
      source.nodes.condition,
      `"condition" in ${source.where.owner}`,
      'condition',
      ctx,
      text,
    );
  if (typeof value === 'string')
    reportExpressionError(
      () => parseJsonPath(value),
      source.nodes.value,
      `"value" in ${source.where.owner}`,
      'JSON path',
      ctx,
      text,
    );
}

/** A check on an http source judges one `measure`; `value` needs the source's JSON path. */
export function validateHttpCheck(check: ReadObject, rule: CheckRuleContext): void {
  const who = check.where.owner;
  rule.refuseForeignKeys('does not apply to an http source: use "measure: success | latency | value"');
  if (!('measure' in check.nodes))
    rule.ctx.report(check.node, `${who} reads an http source and needs "measure": success, latency or value`);
  if (check.values.measure === 'value' && rule.source !== undefined && !('value' in rule.source.nodes)) {
    rule.ctx.report(
      check.nodes.measure,
      `${who} has "measure: value" but its source has no "value" JSON path (e.g. value: $.queue.depth)`,
    );
  }
}
