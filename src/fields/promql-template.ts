/**
 * `${VAR}` inside PromQL, escaped for the place it stands. A value such as `x"} or vector(1) #`
 * would otherwise close the label matcher and rewrite the query (`#` starts a comment). Inside a
 * string literal the value is escaped so it stays one string (and regex-escaped after `=~` / `!~`,
 * so it matches itself literally); outside any string only a plain name, number or duration is
 * accepted. `${VAR:raw}` puts the value in verbatim, for the rare spec that templates PromQL itself.
 */
import { interpolate, TEMPLATE, type Interpolation, type Placement, type VariableSite } from './interpolate.js';

/** The lexical place of a variable in a PromQL template. */
export type PromQLContext =
  { kind: 'string'; quote: '"' | "'" | '`'; regex: boolean } | { kind: 'code' } | { kind: 'comment' };

/** A label name, metric name, number or duration: text that cannot change a query's shape. */
const PLAIN = /^(?:[A-Za-z_:][A-Za-z0-9_:]*|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|(?:\d+(?:ms|s|m|h|d|w|y))+)$/;

/** The context of every variable in `raw`, keyed by the offset of its `${`. */
export function scanTemplateContexts(raw: string): Map<number, PromQLContext> {
  const contexts = new Map<number, PromQLContext>();
  const variables = new Map<number, number>();
  for (const match of raw.matchAll(TEMPLATE)) variables.set(match.index, match[0].length);
  let state: PromQLContext = { kind: 'code' };
  let i = 0;
  while (i < raw.length) {
    const length = variables.get(i);
    if (length !== undefined) {
      // `$${` is literal text `${`: it has no context of its own and changes none.
      if (raw[i + 1] !== '$') contexts.set(i, state);
      i += length;
      continue;
    }
    const c = raw[i] as string;
    if (state.kind === 'code') {
      if (c === '"' || c === "'" || c === '`')
        state = { kind: 'string', quote: c, regex: /[=!]~\s*$/.test(raw.slice(0, i)) };
      else if (c === '#') state = { kind: 'comment' };
    } else if (state.kind === 'comment') {
      if (c === '\n') state = { kind: 'code' };
    } else if (c === '\\' && state.quote !== '`') {
      i += 1; // an escaped character never ends the string
    } else if (c === state.quote) {
      state = { kind: 'code' };
    }
    i += 1;
  }
  return contexts;
}

/** Go's regexp.QuoteMeta: the value matches itself, not a pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Escape text for the inside of a PromQL string in `quote`s: backslash, the quote, control characters. */
export function escapeStringLiteral(text: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** The text `value` becomes at `context`, or why it cannot stand there. */
export function placeInPromQL(value: string, context: PromQLContext, name = 'VAR'): string | { refused: string } {
  if (context.kind === 'string') {
    const text = context.regex ? escapeRegex(value) : value;
    if (context.quote !== '`') return escapeStringLiteral(text, context.quote);
    // A raw string has no escapes: a backtick in it could not be kept inside.
    return text.includes('`')
      ? { refused: 'inside a `...` string, and its value holds a backtick: use "..." quotes around it' }
      : text;
  }
  if (value === '' || PLAIN.test(value)) return value;
  const where = context.kind === 'comment' ? 'in a comment' : 'outside a string literal';
  return {
    refused:
      `${where}, and its value is not a plain name, number or duration, so it could change the query: ` +
      `put the variable inside quotes (label="\${${name}}"), or write \${${name}:raw} if it must be PromQL`,
  };
}

/** Interpolate a PromQL template, escaping every variable for where it stands. */
export function interpolatePromQL(raw: string, lookup: (name: string) => string | undefined): Interpolation {
  const contexts = scanTemplateContexts(raw);
  const place: Placement = (value: string, site: VariableSite) => {
    if (site.raw) return value;
    return placeInPromQL(value, contexts.get(site.rawStart) ?? { kind: 'code' }, site.name);
  };
  return interpolate(raw, lookup, place);
}
