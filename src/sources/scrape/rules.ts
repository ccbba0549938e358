/**
 * Rules for checks on sources without history, and the JSON Schema form of "which keys a check
 * needs": PromQL keys for Prometheus sources, `measure` for http, one of rate/ratio/quantile for
 * scrape. Expressions (selectors, JSON paths, conditions) are parsed here so errors point at the
 * line and column inside them.
 */
import { isScalar, type Node } from 'yaml';
import { queryModeSchema, validateQueryMode } from '../../spec-file/check-rules.js';
import { rawOffsetOf } from '../../fields/interpolate.js';
import { parseJsonCondition } from '../http/json-condition.js';
import { parseJsonPath } from '../http/json-path.js';
import { parseMetricSelector } from './metric-selector.js';
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import { sourceOffsetOf } from '../../fields/scalar-offset.js';
import { ExpressionError } from '../../fields/text-cursor.js';
import type { JsonSchema } from '../../fields/value-types.js';

const PROMQL_KEYS = ['query', 'baselineQuery', 'candidateQuery', 'numerator', 'denominator'];
const SCRAPE_KEYS = ['rate', 'ratio', 'quantile'];
const HTTP_KEYS = ['measure'];

const noneOf = (keys: string[]): JsonSchema => ({ not: { anyOf: keys.map((key) => ({ required: [key] })) } });

/** JSON Schema: a PromQL check, or an http check (`measure`), or a scrape check (one of rate/ratio/quantile). */
export const checkModeSchema: JsonSchema = {
  anyOf: [
    { allOf: [queryModeSchema, noneOf([...HTTP_KEYS, ...SCRAPE_KEYS])] },
    { required: ['measure'], ...noneOf([...PROMQL_KEYS, ...SCRAPE_KEYS]) },
    ...SCRAPE_KEYS.map((key) => ({ required: [key], ...noneOf([...PROMQL_KEYS, ...HTTP_KEYS, ...SCRAPE_KEYS.filter((k) => k !== key)]) })),
  ],
};

/** The `type` of the source a check reads (its own `source`, else the default), if known. */
function sourceTypeOf(check: ReadObject, defaults: ReadObject | undefined, sources: Record<string, ReadObject>): unknown {
  const name = check.values.source ?? defaults?.values.source;
  return typeof name === 'string' && Object.hasOwn(sources, name) ? sources[name]?.values.type : undefined;
}

/** The keys a check needs depend on its source's type; PromQL checks keep the query rule. */
export function validateCheckMode(check: ReadObject, ctx: ReadContext, defaults: ReadObject | undefined, sources: Record<string, ReadObject>, text: string): void {
  const type = sourceTypeOf(check, defaults, sources);
  const who = check.where.owner;
  const name = check.values.source ?? defaults?.values.source;
  const broken = typeof name === 'string' && !Object.hasOwn(sources, name);
  // An undefined or unreadable source is reported elsewhere; its checks' keys cannot be judged.
  if (broken && [...HTTP_KEYS, ...SCRAPE_KEYS].some((key) => key in check.nodes)) return;
  const present = (keys: string[]): string[] => keys.filter((key) => key in check.nodes);
  const refuse = (keys: string[], why: string): void => {
    for (const key of present(keys)) ctx.report(check.nodes[key], `"${key}" in ${who} ${why}`);
  };
  if (type === 'http') {
    refuse([...PROMQL_KEYS, ...SCRAPE_KEYS, 'by'], 'does not apply to an http source: use "measure: success | latency | value"');
    if (!('measure' in check.nodes)) ctx.report(check.node, `${who} reads an http source and needs "measure": success, latency or value`);
    const source = sources[String(check.values.source ?? defaults?.values.source)];
    if (check.values.measure === 'value' && source !== undefined && !('value' in source.nodes)) {
      ctx.report(check.nodes.measure, `${who} has "measure: value" but its source has no "value" JSON path (e.g. value: $.queue.depth)`);
    }
    return;
  }
  if (type === 'scrape') {
    refuse([...PROMQL_KEYS, ...HTTP_KEYS], 'does not apply to a scrape source: use one of "rate", "ratio" or "quantile"');
    const modes = present(SCRAPE_KEYS);
    if (modes.length === 0) ctx.report(check.node, `${who} reads a scrape source and needs one of "rate", "ratio" or "quantile"`);
    if (modes.length > 1) ctx.report(check.nodes[modes[1] as string], `${who} has both "${modes[0]}" and "${modes[1]}": give exactly one`);
    validateSelectors(check, ctx, text);
    return;
  }
  refuse([...HTTP_KEYS, ...SCRAPE_KEYS, 'by'], 'applies only to checks on http or scrape sources');
  validateQueryMode(check, ctx);
}

function validateSelectors(check: ReadObject, ctx: ReadContext, text: string): void {
  const at = (object: ReadObject | undefined, key: string): [unknown, Node | undefined] => [object?.values[key], object?.nodes[key]];
  const ratio = check.values.ratio as ReadObject | undefined;
  const quantile = check.values.quantile as ReadObject | undefined;
  const places: [string, [unknown, Node | undefined]][] = [
    ['rate', at(check, 'rate')],
    ['ratio.numerator', at(ratio, 'numerator')],
    ['ratio.denominator', at(ratio, 'denominator')],
    ['quantile.histogram', at(quantile, 'histogram')],
  ];
  for (const [label, [value, node]] of places) {
    if (typeof value === 'string') reportExpressionError(() => parseMetricSelector(value), node, `"${label}" of ${check.where.owner}`, 'selector', ctx, text);
  }
}

/** Parse the `condition` and `value` of an http source, pointing errors into the file. */
export function validateSampledSource(source: ReadObject, ctx: ReadContext, text: string): void {
  const { condition, value } = source.values;
  if (typeof condition === 'string') reportExpressionError(() => parseJsonCondition(condition), source.nodes.condition, `"condition" in ${source.where.owner}`, 'condition', ctx, text);
  if (typeof value === 'string') reportExpressionError(() => parseJsonPath(value), source.nodes.value, `"value" in ${source.where.owner}`, 'JSON path', ctx, text);
}

function reportExpressionError(parse: () => unknown, node: Node | undefined, label: string, what: string, ctx: ReadContext, text: string): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    if (node === undefined || !isScalar(node)) return ctx.report(node, `${label}: ${error.message}`);
    const interpolation = ctx.interpolations.get(node);
    const rawOffset = interpolation ? rawOffsetOf(interpolation, error.offset) : error.offset;
    ctx.reportAt(ctx.positionAt(sourceOffsetOf(text, node, rawOffset)), `invalid ${what} in ${label} at column ${error.offset + 1}: ${error.message}`);
  }
}
