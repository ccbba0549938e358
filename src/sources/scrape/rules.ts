/**
 * Rules of a check on a scrape source: exactly one of rate / ratio / quantile, and selectors
 * parsed here so errors point at the line and column inside them.
 */
import type { Node } from 'yaml';
import { reportExpressionError } from '../../fields/expression-error.js';
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import type { JsonSchema } from '../../fields/value-types.js';
import type { CheckRuleContext } from '../source-kind.js';
import { SCRAPE_MODE_KEYS } from './fields.js';
import { parseMetricSelector } from './metric-selector.js';

/** JSON Schema: one alternative per mode key, with no other mode key of any kind. */
export function scrapeCheckSchemas(foreignKeys: readonly string[]): JsonSchema[] {
  return SCRAPE_MODE_KEYS.map((key) => ({
    required: [key],
    not: { anyOf: [...foreignKeys, ...SCRAPE_MODE_KEYS.filter((k) => k !== key)].map((k) => ({ required: [k] })) },
  }));
}

/** A check on a scrape source measures exactly one of rate, ratio or quantile. */
export function validateScrapeCheck(check: ReadObject, rule: CheckRuleContext): void {
  const who = check.where.owner;
  rule.refuseForeignKeys('does not apply to a scrape source: use one of "rate", "ratio" or "quantile"');
  const modes = SCRAPE_MODE_KEYS.filter((key) => key in check.nodes);
  if (modes.length === 0)
    rule.ctx.report(check.node, `${who} reads a scrape source and needs one of "rate", "ratio" or "quantile"`);
  if (modes.length > 1)
    rule.ctx.report(
      check.nodes[modes[1] as string],
      `${who} has both "${modes[0]}" and "${modes[1]}": give exactly one`,
    );
  validateSelectors(check, rule.ctx, rule.text);
}

function validateSelectors(check: ReadObject, ctx: ReadContext, text: string): void {
  const at = (object: ReadObject | undefined, key: string): [unknown, Node | undefined] => [
    object?.values[key],
    object?.nodes[key],
  ];
  const ratio = check.values.ratio as ReadObject | undefined;
  const quantile = check.values.quantile as ReadObject | undefined;
  const places: [string, [unknown, Node | undefined]][] = [
    ['rate', at(check, 'rate')],
    ['ratio.numerator', at(ratio, 'numerator')],
    ['ratio.denominator', at(ratio, 'denominator')],
    ['quantile.histogram', at(quantile, 'histogram')],
  ];
  for (const [label, [value, node]] of places) {
    if (typeof value === 'string')
      reportExpressionError(
        () => parseMetricSelector(value),
        node,
        `"${label}" of ${check.where.owner}`,
        'selector',
        ctx,
        text,
      );
  }
}
