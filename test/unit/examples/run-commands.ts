/**
 * Finds the `verify-deploy run ...` command lines in the pipeline examples (shell text in
 * workflow steps, webhook commands, scripts; argv lists in Kubernetes containers) and reads
 * them the way the CLI would, so a test can hold every flag against `run --help`.
 */

export interface RunCommand {
  /** The words after `run`, shell quoting removed. */
  words: string[];
  /** Where it was found, for failure messages. */
  where: string;
}

export interface ParsedRun {
  spec: string;
  /** Option names as written (`--report`), in order, without their values. */
  options: string[];
  /** option name -> its values (`--report` is repeatable). */
  values: Map<string, string[]>;
}

const OPERATORS = new Set([';', '|', '&', '>', '<', '\n', ')']);

/**
 * Splits shell text into words, honouring '...' and "..." and a backslash before a newline, and
 * stops at the first unquoted operator (; | & > < newline), which ends the command.
 */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated ${c} in: ${text}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || OPERATORS.has(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      if (OPERATORS.has(c)) return words;
      i += 1;
      continue;
    }
    word = (word ?? '') + c;
    i += 1;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Every `verify-deploy run` in shell text (a step's `run:`, a script, a webhook `cmd`). */
export function runCommandsInShell(text: string, where: string): RunCommand[] {
  const commands: RunCommand[] = [];
  for (const match of text.matchAll(/verify-deploy run[ \t]/g)) {
    commands.push({ words: shellWords(text.slice(match.index + match[0].length)), where });
  }
  return commands;
}

/** A container's `command` (or command + args) that runs `verify-deploy run`. */
export function runCommandInArgv(argv: string[], where: string): RunCommand | undefined {
  const at = argv.findIndex((word, i) => /(^|\/)verify-deploy$/.test(word) && argv[i + 1] === 'run');
  return at < 0 ? undefined : { words: argv.slice(at + 2), where };
}

/** Reads the words as the CLI would; throws on an option `run --help` does not list, or a missing value. */
export function parseRun(command: RunCommand, known: Map<string, boolean>): ParsedRun {
  const options: string[] = [];
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const words = command.words;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    // "$@": the flags a script adds by `set --` (e.g. --on-inconclusive pass); checked where it sets them.
    if (word === '$@') continue;
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const [name, inline] = word.split(/=(.*)/s) as [string, string | undefined];
    const takesValue = known.get(name);
    if (takesValue === undefined) throw new Error(`${command.where}: verify-deploy run has no option ${name}`);
    options.push(name);
    if (!takesValue) continue;
    const value = inline ?? words[++i];
    if (value === undefined) throw new Error(`${command.where}: ${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  if (positionals.length !== 1) {
    throw new Error(`${command.where}: expected exactly one spec argument, got ${JSON.stringify(positionals)}`);
  }
  return { spec: positionals[0]!, options, values };
}
