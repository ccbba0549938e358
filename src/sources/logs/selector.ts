/**
 * Selectors in Prometheus label-matcher syntax over a line's fields: `{status=~"5..", path!="/healthz"}`,
 * optionally after a field name for value checks (`request_time{path=~"/api/.*"}`). A field the
 * line does not have reads as "" (as an absent label does in PromQL). Regexes are anchored.
 */
import { ExpressionError, TextCursor } from '../../fields/text-cursor.js';
import type { ParsedLine } from './line-format.js';

export interface Matcher {
  field: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  regex?: RegExp;
}

/** A selector and the field whose value a value check reads. */
export interface Selector {
  field?: string;
  matchers: Matcher[];
  text: string;
}

const NAME = /[A-Za-z_@][A-Za-z0-9_.@-]*/;

/** Parse `[field]{matchers}`; throws ExpressionError with the offset of the problem. */
export function parseSelector(text: string): Selector {
  const cursor = new TextCursor(text);
  cursor.skipSpaces();
  const field = cursor.match(NAME);
  cursor.skipSpaces();
  if (!cursor.take('{'))
    throw new ExpressionError('expected "{" (a selector such as {status=~"5.."}, or {} for every line)', cursor.pos);
  const matchers: Matcher[] = [];
  cursor.skipSpaces();
  while (!cursor.take('}')) {
    if (cursor.atEnd()) throw new ExpressionError('missing "}"', cursor.pos);
    matchers.push(parseMatcher(cursor));
    cursor.skipSpaces();
    if (cursor.take(',')) cursor.skipSpaces();
    else if (cursor.peek() !== '}') throw new ExpressionError('expected "," or "}"', cursor.pos);
  }
  cursor.skipSpaces();
  if (!cursor.atEnd()) throw new ExpressionError(`unexpected "${cursor.peek()}" after the selector`, cursor.pos);
  return { ...(field !== undefined ? { field } : {}), matchers, text: text.trim() };
}

function parseMatcher(cursor: TextCursor): Matcher {
  const at = cursor.pos;
  const field = cursor.peek() === '"' ? readString(cursor) : cursor.match(NAME);
  if (field === undefined) throw new ExpressionError('expected a field name', at);
  cursor.skipSpaces();
  const op = (['=~', '!~', '!=', '='] as const).find((candidate) => cursor.take(candidate));
  if (op === undefined) throw new ExpressionError('expected =, !=, =~ or !~', cursor.pos);
  cursor.skipSpaces();
  const valueAt = cursor.pos;
  if (!['"', "'", '`'].includes(cursor.peek())) throw new ExpressionError('expected a quoted value', cursor.pos);
  const value = readString(cursor);
  const matcher: Matcher = { field, op, value };
  if (op === '=~' || op === '!~') {
    try {
      matcher.regex = new RegExp(`^(?:${value})$`);
    } catch (error) {
      throw new ExpressionError(
        `bad regex: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
        valueAt,
      );
    }
  }
  return matcher;
}

function readString(cursor: TextCursor): string {
  const quote = cursor.peek();
  const start = cursor.pos;
  cursor.pos++;
  let out = '';
  while (!cursor.atEnd()) {
    const char = cursor.peek();
    cursor.pos++;
    if (char === quote) return out;
    if (char === '\\' && quote !== '`') {
      const next = cursor.peek();
      cursor.pos++;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else out += char;
  }
  throw new ExpressionError('unterminated string', start);
}

/** Whether a line matches every matcher. */
export function matches(line: ParsedLine, matchers: readonly Matcher[]): boolean {
  for (const m of matchers) {
    const value = line.get(m.field) ?? '';
    switch (m.op) {
      case '=':
        if (value !== m.value) return false;
        break;
      case '!=':
        if (value === m.value) return false;
        break;
      case '=~':
        if (!m.regex!.test(value)) return false;
        break;
      case '!~':
        if (m.regex!.test(value)) return false;
        break;
    }
  }
  return true;
}
