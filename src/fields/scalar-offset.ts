/**
 * Map an offset inside a scalar's value back to an offset in the file, so a PromQL error can be
 * shown at its line and column even in a quoted or block scalar.
 */
import { Scalar } from 'yaml';

/**
 * Walk the value and the source text side by side, matching each value character to the next
 * equal source character. Exact for plain scalars, single-line quoted scalars and literal (`|`)
 * blocks; for folded lines (`>`, multi-line plain) and escapes in double-quoted scalars (`\t`,
 * `\x41`, `''`) it is an approximation that re-synchronises on the next matching character.
 */
export function sourceOffsetOf(text: string, node: Scalar, valueOffset: number): number {
  const [start, end] = node.range ?? [0, text.length];
  const value = String(node.value);
  let pos = contentStart(text, node, start);
  for (let i = 0; i <= valueOffset && i < value.length; i++) {
    const found = text.indexOf(value[i] as string, pos);
    if (found === -1 || found >= end) continue;
    if (i === valueOffset) return found;
    pos = found + 1;
  }
  return Math.min(pos, end);
}

/** Where the value's characters start: after an opening quote, or on the line after a block header. */
function contentStart(text: string, node: Scalar, start: number): number {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return start + 1;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const lineEnd = text.indexOf('\n', start);
      return lineEnd === -1 ? start : lineEnd + 1;
    }
    default:
      return start;
  }
}
