/** A cursor over a short expression (selectors, JSON paths, conditions) for hand-written strict parsers. */

/** A parse failure at an offset of the text, so the caller can point at a file line:col. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Reads a string left to right; every `expect*` throws ExpressionError at the current offset. */
export class TextCursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(length = 1): string {
    return this.text.slice(this.pos, this.pos + length);
  }

  /** Consume `token` if it comes next. */
  take(token: string): boolean {
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  /** Consume the longest match of `pattern` (sticky) or return undefined. */
  match(pattern: RegExp): string | undefined {
    const sticky = new RegExp(pattern.source, 'y');
    sticky.lastIndex = this.pos;
    const found = sticky.exec(this.text);
    if (!found) return undefined;
    this.pos += found[0].length;
    return found[0];
  }

  fail(message: string, at = this.pos): never {
    throw new ExpressionError(message, at);
  }

  /** What stands at the cursor, for messages: `"}"` or `the end`. */
  describeHere(): string {
    return this.atEnd() ? 'the end' : JSON.stringify(this.peek());
  }

  /** A double- or single-quoted string with JSON-style escapes. */
  readQuoted(): string {
    const start = this.pos;
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") this.fail(`expected a quoted string, found ${this.describeHere()}`);
    this.pos++;
    let out = '';
    while (!this.atEnd()) {
      const ch = this.text[this.pos] as string;
      if (ch === quote) {
        this.pos++;
        return out;
      }
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '/': '/' };
        if (next === undefined || !(next in escapes)) this.fail(`unknown escape "\\${next ?? ''}" in a string`);
        out += escapes[next];
        this.pos += 2;
        continue;
      }
      out += ch;
      this.pos++;
    }
    return this.fail('the string is not closed', start);
  }
}
