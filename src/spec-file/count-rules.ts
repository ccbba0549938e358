/**
 * Rules for the queries of a count check. The judge sums the points of each window into one count
 * of events, so every point must count the events of exactly one step: every range in the query
 * must equal the check's step (ranges that overlap count each event several times; shorter ones
 * miss events), and rate() gives events per second, not events.
 */
import { isScalar } from 'yaml';
import { formatDuration } from '../time/duration.js';
import { effectiveValue } from './effective-value.js';
import { checkFields } from './fields.js';
import { rawOffsetOf } from '../fields/interpolate.js';
import { findPromQLSyntaxError } from './promql.js';
import { findPromQLFunctions, findPromQLRanges } from './promql-ranges.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import { sourceOffsetOf } from '../fields/scalar-offset.js';

const COUNT_KEYS = ['numerator', 'denominator'] as const;
/** Functions that give a rate per second: their sum over a window is not a count of events. */
const PER_SECOND = new Set(['rate', 'irate']);

/** Every range in `numerator` / `denominator` equals the step, and neither uses rate(). */
export function validateCountQueries(
  check: ReadObject,
  defaults: ReadObject | undefined,
  text: string,
  ctx: ReadContext,
): void {
  const step = effectiveValue(check, 'step', checkFields, defaults);
  for (const key of COUNT_KEYS) {
    const query = check.values[key];
    const node = check.nodes[key];
    if (
      typeof query !== 'string' ||
      !isScalar(node) ||
      query.trim() === '' ||
      findPromQLSyntaxError(query) !== undefined
    )
      continue;
    const where = `${key} of ${check.where.owner}`;
    const at = (offset: number): { line: number; col: number } => {
      const interpolation = ctx.interpolations.get(node);
      return ctx.positionAt(sourceOffsetOf(text, node, interpolation ? rawOffsetOf(interpolation, offset) : offset));
    };
    for (const call of findPromQLFunctions(query).filter((c) => PER_SECOND.has(c.name))) {
      const example = typeof step === 'number' ? `increase(...[${formatDuration(step)}])` : 'increase(...[<step>])';
      ctx.reportAt(
        at(call.offset),
        `${where} uses ${call.name}(), which gives events per second: a count check needs the events of each step, e.g. ${example}`,
      );
    }
    if (typeof step !== 'number') continue;
    for (const range of findPromQLRanges(query)) {
      if (range.seconds === step) continue;
      const wanted = formatDuration(step);
      ctx.reportAt(
        at(range.offset),
        `the range [${range.text}] in ${where} must equal the check's step (${wanted}) so that each point counts the events of one step: ` +
          `write [${wanted}]${range.kind === 'subquery' ? ` (and a subquery resolution of ${wanted})` : ''}, or set step: ${range.text}`,
      );
    }
  }
}
