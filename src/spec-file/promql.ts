/** Offline PromQL syntax check with the parser the Prometheus web UI uses. */
import { parser } from '@prometheus-io/lezer-promql';

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
  parser.parse(query).iterate({
    enter(node) {
      if (found !== undefined) return false;
      if (node.type.isError) found = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (found === undefined) return undefined;
  return { offset: found.from, message: `unexpected ${describeAt(query, found.from, found.to)}` };
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
