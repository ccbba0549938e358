/** Parsers for repeatable and constrained options; they throw commander's InvalidArgumentError (exit 2). */
import { InvalidArgumentError } from 'commander';

/** `--var KEY=VALUE`, repeatable; the key must be a valid variable name. */
export function collectVar(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = text.indexOf('=');
  const key = eq < 0 ? text : text.slice(0, eq);
  if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    throw new InvalidArgumentError(`expected KEY=VALUE with KEY made of letters, digits and _, got "${key}"`);
  }
  return { ...previous, [key]: text.slice(eq + 1) };
}

/** A repeatable option collected into a list. */
export function collectList(text: string, previous: string[] = []): string[] {
  return [...previous, text];
}

export const OUTPUT_FORMATS = ['human', 'json', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
