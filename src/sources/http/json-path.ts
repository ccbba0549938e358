/**
 * A strict JSONPath subset for probe bodies: `$`, `.name`, `[0]` and `["name with spaces"]`.
 * No wildcards or filters: a path names exactly one value, so a probe measures one number.
 */
import { TextCursor } from '../../fields/text-cursor.js';

/** One step of a path: an object key or an array index. */
export type PathStep = string | number;

const NAME = /[A-Za-z_][A-Za-z0-9_-]*/;
const WHOLE_NAME = new RegExp(`^${NAME.source}$`);

/** Parse a whole path; throws ExpressionError with the offset when it is not one. */
export function parseJsonPath(text: string): PathStep[] {
  const cursor = new TextCursor(text);
  cursor.skipSpaces();
  const steps = readJsonPath(cursor);
  cursor.skipSpaces();
  if (!cursor.atEnd()) cursor.fail(`unexpected ${cursor.describeHere()} after the path`);
  return steps;
}

/** Read a path at the cursor (used by the condition parser too). */
export function readJsonPath(cursor: TextCursor): PathStep[] {
  if (!cursor.take('$'))
    cursor.fail(`expected a JSON path starting with "$" (like $.status), found ${cursor.describeHere()}`);
  const steps: PathStep[] = [];
  for (;;) {
    if (cursor.take('.')) {
      const name = cursor.match(NAME);
      if (name === undefined)
        cursor.fail(`expected a key name after ".", found ${cursor.describeHere()} (use ["..."] for other keys)`);
      steps.push(name);
    } else if (cursor.take('[')) {
      const index = cursor.match(/\d+/);
      steps.push(index !== undefined ? Number(index) : cursor.readQuoted());
      if (!cursor.take(']')) cursor.fail(`expected "]", found ${cursor.describeHere()}`);
    } else {
      return steps;
    }
  }
}

/** The value a path names in a parsed JSON document, or undefined when it is not there. */
export function lookupJsonPath(document: unknown, steps: readonly PathStep[]): unknown {
  let here: unknown = document;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(here) || step >= here.length) return undefined;
      here = here[step];
    } else {
      if (here === null || typeof here !== 'object' || Array.isArray(here) || !Object.hasOwn(here, step))
        return undefined;
      here = (here as Record<string, unknown>)[step];
    }
  }
  return here;
}

/** The path written back, for messages. */
export function formatJsonPath(steps: readonly PathStep[]): string {
  return (
    '$' +
    steps
      .map((s) => (typeof s === 'number' ? `[${s}]` : WHOLE_NAME.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
      .join('')
  );
}
