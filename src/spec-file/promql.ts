/** Offline PromQL syntax check with the parser the Prometheus web UI uses. */
import { parser } from '@prometheus-io/lezer-promql';

/** A running lezer parse, with the counter that parsePromQL resets (internal to @lezer/lr). */
type PartialParse = ReturnType<typeof parser.startParse> & { bigReductionCount?: number };
type Tree = NonNullable<ReturnType<PartialParse['advance']>>;

/** The first syntax error found in a query. */
export interface PromQLSyntaxError {
  /** 0-based offset of the error in the query. */
  offset: number;
  /** What was found there, e.g. `unexpected ")"` or `unexpected end of query`. */
  message: string;
}

/** The first syntax error in a PromQL expression, or undefined when it parses. */
export function findPromQLSyntaxError(query: string): PromQLSyntaxError | undefined {
  let found: { from: number; to: number } | undefined;
  const tree = parsePromQL(query);
  // Too deep to check here: the server checks it on the first request (a bad query is then exit 2).
  if (tree === undefined) return undefined;
  tree.iterate({
    enter(node) {
      if (found !== undefined) return false;
      if (node.type.isError) found = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (found === undefined) return undefined;
  return { offset: found.from, message: `unexpected ${describeAt(query, found.from, found.to)}` };
}

/**
 * Parse the whole query. lezer's LR parser cuts a left-associative chain short once more than
 * 300 reductions span 2000+ characters from the same start (a guard for editors against deep
 * trees), which turns a valid `a + a + ...` of about 650 terms into a syntax error that
 * Prometheus itself never raises. Resetting that counter between steps parses the query as
 * written. The counter is internal to @lezer/lr: when it is renamed the reset does nothing, and
 * the 1000-term test in test/unit/spec-file/promql.test.ts fails.
 *
 * lezer builds the finished tree recursively, one frame per level, so a chain of several thousand
 * terms can exhaust the stack: undefined then, and callers leave such a query to the server
 * rather than refuse what Prometheus accepts.
 */
export function parsePromQL(query: string): Tree | undefined {
  const parse: PartialParse = parser.startParse(query);
  try {
    for (;;) {
      const tree = parse.advance();
      if (tree !== null) return tree;
      if (typeof parse.bigReductionCount === 'number') parse.bigReductionCount = 0;
    }
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function describeAt(query: string, from: number, to: number): string {
  const covered = query.slice(from, to).trim();
  if (covered !== '') return JSON.stringify(shorten(covered));
  const next = /^\s*(\w+|\S)/.exec(query.slice(from));
  return next?.[1] !== undefined ? JSON.stringify(next[1]) : 'end of query';
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}...` : text;
}
