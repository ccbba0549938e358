/**
 * Report a parse error inside an expression (a selector, a JSON path, a condition) at its line
 * and column in the file, through any `${VAR}` the value was interpolated from.
 */
import { isScalar, type Node } from 'yaml';
import { rawOffsetOf } from './interpolate.js';
import type { ReadContext } from './read-context.js';
import { sourceOffsetOf } from './scalar-offset.js';
import { ExpressionError } from './text-cursor.js';

/** Run `parse`; an ExpressionError becomes an issue `invalid <what> in <label> at column N: ...`. */
export function reportExpressionError(
  parse: () => unknown,
  node: Node | undefined,
  label: string,
  what: string,
  ctx: ReadContext,
  text: string,
): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    if (node === undefined || !isScalar(node)) return ctx.report(node, `${label}: ${error.message}`);
    const interpolation = ctx.interpolations.get(node);
    const rawOffset = interpolation ? rawOffsetOf(interpolation, error.offset) : error.offset;
    ctx.reportAt(
      ctx.positionAt(sourceOffsetOf(text, node, rawOffset)),
      `invalid ${what} in ${label} at column ${error.offset + 1}: ${error.message}`,
    );
  }
}
