/**
 * Conditions on a probe's JSON body: comparisons of a path with a literal, joined by `&&` and
 * `||` (`&&` binds tighter), e.g. `$.status == "UP" && $.checks.db.healthy == true`. Strict: a
 * missing path makes its comparison false, and `<`/`>` compare numbers only.
 */
import { lookupJsonPath, readJsonPath, type PathStep } from './json-path.js';
import { TextCursor } from '../../fields/text-cursor.js';

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Literal = string | number | boolean | null;

/** A parsed condition. */
export type JsonCondition =
  | { kind: 'compare'; path: PathStep[]; op: ComparisonOp; literal: Literal }
  | { kind: 'and' | 'or'; left: JsonCondition; right: JsonCondition };

/** Parse a condition; throws ExpressionError with the offset when it is not one. */
export function parseJsonCondition(text: string): JsonCondition {
  const cursor = new TextCursor(text);
  const condition = readOr(cursor);
  cursor.skipSpaces();
  if (!cursor.atEnd()) cursor.fail(`unexpected ${cursor.describeHere()}: expected "&&", "||" or the end`);
  return condition;
}

function readOr(cursor: TextCursor): JsonCondition {
  let left = readAnd(cursor);
  for (cursor.skipSpaces(); cursor.take('||'); cursor.skipSpaces()) left = { kind: 'or', left, right: readAnd(cursor) };
  return left;
}

function readAnd(cursor: TextCursor): JsonCondition {
  let left = readComparison(cursor);
  for (cursor.skipSpaces(); cursor.take('&&'); cursor.skipSpaces())
    left = { kind: 'and', left, right: readComparison(cursor) };
  return left;
}

function readComparison(cursor: TextCursor): JsonCondition {
  cursor.skipSpaces();
  const path = readJsonPath(cursor);
  cursor.skipSpaces();
  const op = cursor.match(/==|!=|<=|>=|<|>/) as ComparisonOp | undefined;
  if (op === undefined)
    cursor.fail(`expected a comparison (==, !=, <, <=, >, >=) after the path, found ${cursor.describeHere()}`);
  cursor.skipSpaces();
  const at = cursor.pos;
  const literal = readLiteral(cursor);
  if (op !== '==' && op !== '!=' && typeof literal !== 'number')
    cursor.fail(`"${op}" compares numbers: write a number after it`, at);
  return { kind: 'compare', path, op, literal };
}

function readLiteral(cursor: TextCursor): Literal {
  const next = cursor.peek();
  if (next === '"' || next === "'") return cursor.readQuoted();
  const number = cursor.match(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/);
  if (number !== undefined) return Number(number);
  for (const [word, value] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const)
    if (cursor.match(new RegExp(`${word}\\b`))) return value;
  return cursor.fail(`expected a value ("text", a number, true, false or null), found ${cursor.describeHere()}`);
}

/** Whether a parsed JSON body satisfies the condition. */
export function evaluateJsonCondition(condition: JsonCondition, document: unknown): boolean {
  if (condition.kind === 'compare') return compare(condition, document);
  const left = evaluateJsonCondition(condition.left, document);
  if (condition.kind === 'and' ? !left : left) return left;
  return evaluateJsonCondition(condition.right, document);
}

function compare(condition: Extract<JsonCondition, { kind: 'compare' }>, document: unknown): boolean {
  const found = lookupJsonPath(document, condition.path);
  if (found === undefined) return false;
  const { op, literal } = condition;
  if (op === '==') return found === literal;
  if (op === '!=') return found !== literal;
  if (typeof found !== 'number' || typeof literal !== 'number') return false;
  return op === '<'
    ? found < literal
    : op === '<='
      ? found <= literal
      : op === '>'
        ? found > literal
        : found >= literal;
}
