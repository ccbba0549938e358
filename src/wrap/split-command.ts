/**
 * `--rollback "<command>"` as argv, without a shell: words split on blanks, with single and double
 * quotes and backslashes as a shell reads them, and nothing expanded. Shell syntax (pipes, `;`,
 * `&&`, redirections, `$VAR`, backquotes) outside quotes is refused rather than passed on as
 * words: a command that needs a shell says so (`--rollback "sh -c '...'"`).
 */
import { UsageError } from '../errors.js';

const SHELL_SYNTAX = /[|&;<>()$`*?~]/;

export function splitCommandLine(text: string, option: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) word += text[++i]!;
      else word += c;
      continue;
    }
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i]!;
    } else if (SHELL_SYNTAX.test(c)) {
      throw new UsageError(
        `${option} runs a command without a shell, and "${c}" is shell syntax: write ${option} "sh -c '...'" to run it through one`,
      );
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== null) throw new UsageError(`${option} has an unclosed ${quote} quote`);
  if (word !== null) words.push(word);
  if (words.length === 0) throw new UsageError(`${option} needs a command`);
  return words;
}
