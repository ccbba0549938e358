/**
 * The time ranges inside a PromQL expression (`x[5m]`, `expr[1h:30s]`) and the function that
 * reads each one, found with the parser the Prometheus web UI uses. Count checks need every
 * range to equal the step; before/after checks are warned when a range is longer than the step.
 */
import type { SyntaxNode } from '@lezer/common';
import { parseDuration } from '../time/duration.js';
import { parsePromQL } from './promql.js';

/** One range of a query: `[5m]` of a matrix selector, or the range of a subquery. */
export interface PromQLRange {
  kind: 'matrix' | 'subquery';
  /** The duration as written (`5m`), and in seconds; undefined when it is not a plain duration. */
  text: string;
  seconds: number | undefined;
  /** 0-based offset of the duration in the query. */
  offset: number;
  /** The function whose argument the range is (`rate`), lower case; undefined at the top level. */
  fn: string | undefined;
  /** For a matrix selector, the series selector it ranges over (`http_requests_total{code="500"}`). */
  selector?: string;
}

/** Every range of `query`, in order; empty for a query that does not parse into ranges. */
export function findPromQLRanges(query: string): PromQLRange[] {
  const ranges: PromQLRange[] = [];
  parsePromQL(query)?.iterate({
    enter(ref) {
      if (ref.name !== 'MatrixSelector' && ref.name !== 'SubqueryExpr') return;
      const duration = ref.node.getChild('DurationExpr');
      if (duration === null) return;
      const text = query.slice(duration.from, duration.to);
      const inner = ref.name === 'MatrixSelector' ? ref.node.getChild('VectorSelector') : null;
      ranges.push({
        kind: ref.name === 'MatrixSelector' ? 'matrix' : 'subquery',
        text,
        seconds: parseRangeSeconds(text),
        offset: duration.from,
        fn: enclosingFunction(ref.node, query),
        ...(inner !== null ? { selector: query.slice(inner.from, inner.to) } : {}),
      });
    },
  });
  return ranges;
}

/** The series selectors of `query` (`up{job="a"}`), in order, each once. */
export function findPromQLSelectors(query: string): string[] {
  const selectors = new Set<string>();
  parsePromQL(query)?.iterate({
    enter(ref) {
      if (ref.name === 'VectorSelector') selectors.add(query.slice(ref.from, ref.to));
    },
  });
  return [...selectors];
}

/** The functions called in `query` (lower case), with the offset of each name. */
export function findPromQLFunctions(query: string): { name: string; offset: number }[] {
  const calls: { name: string; offset: number }[] = [];
  parsePromQL(query)?.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionIdentifier') return;
      calls.push({ name: query.slice(ref.from, ref.to).toLowerCase(), offset: ref.from });
    },
  });
  return calls;
}

/** `5m`, `1h30m` or bare seconds (`300`, accepted by newer Prometheus). */
function parseRangeSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseDuration(trimmed);
}

function enclosingFunction(node: SyntaxNode, query: string): string | undefined {
  let body = node.parent;
  // `x[5m] offset 1d` and `x[5m] @ end()` wrap the selector before it reaches the call.
  while (body !== null && (body.name === 'OffsetExpr' || body.name.startsWith('At'))) body = body.parent;
  if (body?.name !== 'FunctionCallBody') return undefined;
  const identifier = body.parent?.getChild('FunctionIdentifier');
  return identifier ? query.slice(identifier.from, identifier.to).toLowerCase() : undefined;
}

/**
 * How far back in time one evaluation of `query` at t reads, in seconds: its largest range, a
 * range inside a subquery counting the subquery's range too (`max_over_time(rate(x[5m])[1h:])`
 * reads 1h5m back). 0 for a query without ranges, or whose ranges are not plain durations.
 */
export function queryLookback(query: string): number {
  let lookback = 0;
  parsePromQL(query)?.iterate({
    enter(ref) {
      if (ref.name !== 'MatrixSelector' && ref.name !== 'SubqueryExpr') return;
      let total = 0;
      for (let node: SyntaxNode | null = ref.node; node !== null; node = node.parent) {
        if (node.name !== 'MatrixSelector' && node.name !== 'SubqueryExpr') continue;
        const duration = node.getChild('DurationExpr');
        const seconds = duration === null ? undefined : parseRangeSeconds(query.slice(duration.from, duration.to));
        total += seconds ?? 0;
      }
      lookback = Math.max(lookback, total);
    },
  });
  return lookback;
}
