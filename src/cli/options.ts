/** Parsers for repeatable and constrained options; they throw commander's InvalidArgumentError (exit 2). */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../time/duration.js';

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

/** A duration option such as `--max-wait 5m`, in seconds; 0 is allowed. */
export function parseDurationOption(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined)
    throw new InvalidArgumentError(`expected a duration such as 90s, 5m or 1h30m, got "${text}"`);
  return seconds;
}
