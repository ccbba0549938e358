/**
 * Rules of a logs source and of the checks that read it: the format (an nginx log_format, a
 * regex) and every selector are parsed here so errors point at the line and column inside them.
 */
import { reportExpressionError } from '../../fields/expression-error.js';
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import { ExpressionError } from '../../fields/text-cursor.js';
import type { JsonSchema } from '../../fields/value-types.js';
import type { CheckRuleContext, DetectRuleContext } from '../source-kind.js';
import { parseDetectMatch } from './detect-match.js';
import { compileFormat } from './line-format.js';
import { parseSelector, type Selector } from './selector.js';

const MODES = ['query', 'numerator', 'signatures'] as const;

/** JSON Schema: one of query, numerator (with an optional denominator) or signatures, and no other kind's keys. */
export function logsCheckSchemas(foreignKeys: readonly string[]): JsonSchema[] {
  const none = (keys: readonly string[]): JsonSchema => ({ not: { anyOf: keys.map((key) => ({ required: [key] })) } });
  const foreign = foreignKeys.length > 0 ? [none(foreignKeys)] : [];
  const canary = ['baselineQuery', 'candidateQuery'];
  return [
    { allOf: [{ required: ['query'] }, none(['numerator', 'denominator', 'signatures', ...canary]), ...foreign] },
    { allOf: [{ required: ['numerator'] }, none(['query', 'signatures', ...canary]), ...foreign] },
    {
      allOf: [
        { required: ['signatures'] },
        none(['query', 'numerator', 'denominator', 'by', 'baselineQuery', 'candidateQuery']),
        ...foreign,
      ],
    },
  ];
}

/** One of `files` or `command`; the format compiles; `pattern` and `time` only where they apply. */
export function validateLogsSource(source: ReadObject, ctx: ReadContext, text: string): void {
  const who = source.where.owner;
  const has = (key: string): boolean => key in source.nodes;
  if (has('files') === has('command'))
    ctx.report(
      has('files') ? source.nodes.command : source.node,
      `${who} needs ${has('files') ? 'either' : 'one of'} "files" (globs) or "command" (an argv printing the log)${has('files') ? ', not both' : ''}`,
    );
  const format = typeof source.values.format === 'string' ? source.values.format : 'combined';
  if (has('pattern') && format !== 'regex')
    ctx.report(source.nodes.pattern, `"pattern" in ${who} is read only with "format: regex"`);
  if (has('time') && format !== 'json' && format !== 'logfmt')
    ctx.report(
      source.nodes.time,
      `"time" in ${who} applies to format json or logfmt; the other formats know their time field`,
    );
  const pattern = typeof source.values.pattern === 'string' ? source.values.pattern : undefined;
  const node =
    format === 'regex' && pattern !== undefined ? source.nodes.pattern : (source.nodes.format ?? source.node);
  reportExpressionError(
    () => compileFormat(format, pattern !== undefined ? { pattern } : {}),
    node,
    `${format === 'regex' && pattern !== undefined ? '"pattern"' : '"format"'} in ${who}`,
    format === 'regex' ? 'pattern' : 'format',
    ctx,
    text,
  );
}

/** A check on a logs source: one mode, the keys that go with it, and selectors that parse. */
export function validateLogsCheck(check: ReadObject, rule: CheckRuleContext): void {
  const { ctx } = rule;
  const who = check.where.owner;
  const has = (key: string): boolean => key in check.nodes;
  rule.refuseForeignKeys(
    'does not apply to a logs source: use "query" (a field\'s values), "numerator" (and "denominator") or "signatures"',
  );
  const modes = MODES.filter(has);
  if (modes.length === 0) {
    ctx.report(
      check.node,
      `${who} reads a logs source and needs "numerator" (lines, with "denominator" for a share), "query" (a field's value, e.g. request_time{}) or "signatures"`,
    );
  } else if (modes.length > 1) {
    ctx.report(check.nodes[modes[1] as string], `${who} has both "${modes[0]}" and "${modes[1]}": keep one`);
  }
  if (has('denominator') && !has('numerator'))
    ctx.report(
      check.nodes.denominator,
      `${who} has "denominator" without "numerator": the numerator selects the lines counted`,
    );
  if (has('minTraffic') && !(has('numerator') && has('denominator')))
    ctx.report(check.nodes.minTraffic, `"minTraffic" in ${who} applies only to "numerator" with "denominator"`);
  if (has('message') && !has('signatures'))
    ctx.report(check.nodes.message, `"message" in ${who} applies only to "signatures"`);
  if (has('by') && has('signatures'))
    ctx.report(check.nodes.by, `"by" in ${who} does not apply to "signatures": they are grouped by message`);
  const fields = knownFields(rule.source);
  for (const key of ['query', 'numerator', 'denominator', 'signatures'] as const) {
    const value = check.values[key];
    if (typeof value !== 'string') continue;
    reportExpressionError(
      () => checkSelector(value, key, fields),
      check.nodes[key],
      `${key} of ${who}`,
      'selector',
      ctx,
      rule.text,
    );
  }
}

/**
 * `deploy.detect` on a logs source: `match` (a selector over the line's fields or a regex on the
 * whole line) read as detection reads it (detect-match.ts), a selector's fields known to the
 * format; `query` is for sources with a query language.
 */
export function validateLogsDetect(detect: ReadObject, rule: DetectRuleContext): void {
  const { ctx } = rule;
  if ('query' in detect.nodes)
    ctx.report(
      detect.nodes.query,
      `deploy.detect on source "${rule.name}" (logs) takes "match" (a selector such as {msg=~"deployed version .*"}, or a regex searched in the whole line), not "query"`,
    );
  const match = detect.values.match;
  if (typeof match !== 'string') return;
  const fields = knownFields(rule.source);
  reportExpressionError(
    () => {
      const parsed = parseDetectMatch(match);
      if (parsed.kind === 'selector') refuseUnknownFields(parsed.selector, match, fields);
    },
    detect.nodes.match,
    'deploy.detect.match',
    match.trim().startsWith('{') ? 'selector' : 'regex',
    ctx,
    rule.text,
  );
}

/** A selector naming a field the source's format does not give never matches: refused where it is written. */
function refuseUnknownFields(selector: Selector, text: string, fields: readonly string[] | undefined): void {
  if (fields === undefined) return;
  const named = [selector.field, ...selector.matchers.map((m) => m.field)].filter((f) => f !== undefined);
  const unknown = named.find((field) => !fields.includes(field));
  if (unknown !== undefined)
    throw new ExpressionError(
      `the source's format has no field "${unknown}" (its fields: ${fields.join(', ')})`,
      Math.max(0, text.indexOf(unknown)),
    );
}

/** The fields the source's format gives, when it knows them before reading (nginx formats, regex). */
function knownFields(source: ReadObject | undefined): readonly string[] | undefined {
  const format = source?.values.format;
  const pattern = source?.values.pattern;
  if (typeof format !== 'string' || format === 'json' || format === 'logfmt') return undefined;
  try {
    return compileFormat(format, typeof pattern === 'string' ? { pattern } : {}).fields;
  } catch {
    return undefined; // reported on the source
  }
}

function checkSelector(
  text: string,
  key: 'query' | 'numerator' | 'denominator' | 'signatures',
  fields: readonly string[] | undefined,
): void {
  const selector = parseSelector(text);
  refuseUnknownFields(selector, text, fields);
  if (key === 'query' && selector.field === undefined)
    throw new ExpressionError(
      'a query on a logs source reads a field, e.g. request_time{path=~"/api/.*"}; to count lines use "numerator"',
      0,
    );
  if (key !== 'query' && selector.field !== undefined)
    throw new ExpressionError(`${key} selects lines: write {...} without the field name "${selector.field}"`, 0);
}
