/** PromQL checks of a check's queries, after `${VAR}` interpolation, pointing into the spec file. */
import { isScalar } from 'yaml';
import { rawOffsetOf } from '../fields/interpolate.js';
import { findPromQLSyntaxError } from './promql.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import { sourceOffsetOf } from '../fields/scalar-offset.js';

const QUERY_KEYS = ['query', 'baselineQuery', 'candidateQuery', 'numerator', 'denominator'] as const;

/** Report empty queries, empty variables inside queries and PromQL syntax errors; `owner` names the block in messages. */
export function validateQueries(
  check: ReadObject,
  text: string,
  ctx: ReadContext,
  owner: string = check.where.owner,
): void {
  for (const key of QUERY_KEYS) {
    const query = check.values[key];
    const node = check.nodes[key];
    if (typeof query !== 'string' || node === undefined) continue;
    const where = `${key} of ${owner}`;
    if (query.trim() === '') {
      ctx.report(node, `${where} is empty: write a PromQL expression`);
      continue;
    }
    const interpolation = ctx.interpolations.get(node);
    for (const name of interpolation?.empty ?? []) {
      ctx.report(
        node,
        `${where} uses \${${name}}, which is empty: an empty label value matches every series without that label; set ${name}`,
      );
    }
    const error = findPromQLSyntaxError(query);
    if (error === undefined || !isScalar(node)) continue;
    const rawOffset = interpolation ? rawOffsetOf(interpolation, error.offset) : error.offset;
    const position = ctx.positionAt(sourceOffsetOf(text, node, rawOffset));
    ctx.reportAt(position, `PromQL syntax error in ${where} at ${placeInQuery(query, error.offset)}: ${error.message}`);
  }
}

/** "column 17", or "line 2, column 5" for a multi-line query. */
function placeInQuery(query: string, offset: number): string {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
}
