/**
 * A ratio query whose parts are counts, watched as counts. `sum(rate(errors[1m])) /
 * sum(rate(requests[1m]))` is a ratio of two event counts, but judged as a ratio time series its
 * points are smoothed by the 1m range and noisy at low traffic, and the sequential value test needs
 * many of them before it is sure. The same events counted per step (`sum(increase(x[<step>]))`)
 * are what the count test reads: exact, and certain after a few steps when the rate jumps.
 *
 * Derived (the PromQL makes it unambiguous): `sum [by (...)] (rate|increase(M{A}[r])) /
 * sum [by (...)] (rate|increase(M{B}[r]))` with the same counter M, the same grouping, the same
 * function and range, and the denominator's matchers B a part of the numerator's A (the numerator
 * selects a subset of the denominator's events: errors out of requests). Offered (in validate and
 * --dry-run) for other divisions of two sums of rate()/increase() over counters, where the parts
 * may be counts of the same events but the query alone cannot say so. A mean (`_sum / _count`) is
 * neither: a sum of latencies is no count of events.
 */
import type { SyntaxNode } from '@lezer/common';
import type { CheckSpec } from '../spec-model.js';
import { parsePromQL } from '../spec-file/promql.js';
import { whyNotWatched } from './watch-rule.js';
import { formatDuration } from '../time/duration.js';

/** One side of the division: `sum <modifier> (<fn>(<metric>{<matchers>}[<range>]))`. */
interface CountSide {
  modifier: string;
  fn: string;
  metric: string;
  matchers: string[];
  range: string;
  /** The selector as written, `metric{...}`. */
  selector: string;
}

/** What a ratio query can be watched as. */
export type RatioParts =
  | { kind: 'derived'; numerator: string; denominator: string }
  | { kind: 'offer'; numerator: string; denominator: string };

const squash = (text: string): string => text.replace(/\s+/g, '');

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current?.name === 'ParenExpr') current = current.getChild('Expr') ?? current.firstChild?.nextSibling ?? null;
  return current;
}

/** The named children of a node (punctuation nodes have no name worth keeping). */
function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) out.push(child);
  return out;
}

function sideOf(node: SyntaxNode | null, query: string): CountSide | null {
  const aggregate = unwrap(node);
  if (aggregate?.name !== 'AggregateExpr') return null;
  const op = aggregate.getChild('AggregateOp');
  if (op === null || query.slice(op.from, op.to).toLowerCase() !== 'sum') return null;
  const modifier = aggregate.getChild('AggregateModifier');
  const body = aggregate.getChild('FunctionCallBody');
  const call = body === null ? null : unwrap(children(body).find((c) => c.name === 'FunctionCall') ?? null);
  if (call?.name !== 'FunctionCall' || children(body!).filter((c) => !['(', ')'].includes(c.name)).length !== 1)
    return null;
  const identifier = call.getChild('FunctionIdentifier');
  const fn = identifier === null ? '' : query.slice(identifier.from, identifier.to).toLowerCase();
  if (fn !== 'rate' && fn !== 'increase') return null;
  const matrix = call.getChild('FunctionCallBody')?.getChild('MatrixSelector');
  const vector = matrix?.getChild('VectorSelector');
  const duration = matrix?.getChild('DurationExpr');
  if (!matrix || !vector || !duration) return null;
  const name = vector.getChild('Identifier');
  if (name === null) return null;
  const matchers = vector.getChild('LabelMatchers');
  const list =
    matchers === null
      ? []
      : children(matchers)
          .filter((m) => m.name.endsWith('LabelMatcher'))
          .map((m) => squash(query.slice(m.from, m.to)));
  return {
    modifier: modifier === null ? '' : squash(query.slice(modifier.from, modifier.to)),
    fn,
    metric: query.slice(name.from, name.to),
    matchers: list,
    range: squash(query.slice(duration.from, duration.to)),
    selector: query.slice(vector.from, vector.to),
  };
}

/** The per-step count query of a side: `sum <modifier> (increase(<selector>[<step>]))`. */
function countQuery(side: CountSide, step: number): string {
  const modifier =
    side.modifier === '' ? '' : ` ${side.modifier.replace(/^(by|without)\(/, '$1 (').replace(/,/g, ', ')}`;
  return `sum${modifier}${modifier === '' ? '' : ' '}(increase(${side.selector}[${formatDuration(step)}]))`;
}

/** How a before/after query that is a ratio of counts can be watched as counts, or null when it is not one. */
export function ratioCountParts(query: string, step: number): RatioParts | null {
  const tree = parsePromQL(query);
  if (tree === undefined) return null;
  const top = unwrap(tree.topNode.firstChild);
  if (top?.name !== 'BinaryExpr' || top.getChild('Div') === null) return null;
  const parts = children(top);
  // Anything but the two sides and `/` (on(), ignoring(), group_left, bool) leaves the pairing to the query.
  if (parts.length !== 3) return null;
  const numerator = sideOf(parts[0]!, query);
  const denominator = sideOf(parts[2]!, query);
  if (numerator === null || denominator === null) return null;
  if ([numerator.metric, denominator.metric].some((m) => m.endsWith('_sum'))) return null;
  const counted = { numerator: countQuery(numerator, step), denominator: countQuery(denominator, step) };
  const subset =
    numerator.metric === denominator.metric &&
    numerator.modifier === denominator.modifier &&
    numerator.fn === denominator.fn &&
    numerator.range === denominator.range &&
    denominator.matchers.every((m) => numerator.matchers.includes(m)) &&
    numerator.matchers.length > denominator.matchers.length;
  return { kind: subset ? 'derived' : 'offer', ...counted };
}

/** The count check a derived ratio is watched as: the same settings, numerator and denominator instead of the query. */
export function countCheckOf(check: CheckSpec, parts: RatioParts): CheckSpec {
  const { query: _ratio, ...rest } = check;
  return { ...rest, numerator: parts.numerator, denominator: parts.denominator };
}

/** The offer for a before/after check whose ratio query may be counts (validate and --dry-run): none when derived or not a ratio. */
export function ratioOffer(check: CheckSpec): string[] {
  if (check.query === undefined || check.baselineQuery !== undefined) return [];
  const parts = ratioCountParts(check.query, check.step);
  if (parts?.kind !== 'offer') return [];
  return [
    `check "${check.name}": this ratio could be written as numerator/denominator for faster and exact count tests:`,
    `  numerator: '${parts.numerator}'`,
    `  denominator: '${parts.denominator}'`,
  ];
}

/**
 * validate's line for a check whose ratio query is a ratio of counts: watched as counts when the
 * looks watch the check at all; otherwise judged once at the end, like any unwatched check.
 */
export function describeRatioWatch(check: CheckSpec): string[] {
  if (check.query === undefined || check.baselineQuery !== undefined) return [];
  const parts = ratioCountParts(check.query, check.step);
  if (parts?.kind !== 'derived') return ratioOffer(check);
  const why = whyNotWatched(check);
  if (why !== null)
    return [
      `check "${check.name}": a ratio of counts, not watched while run waits (${why}): judged once, at the end of the window, on the query as written`,
    ];
  return [
    `check "${check.name}": a ratio of counts, watched as counts while run waits (${parts.numerator} out of ${parts.denominator}); the final test judges the query as written`,
  ];
}
