/** The last lines of a command's output, kept for the reports while all of it streams to stderr. */

/** Lines and characters kept: enough to see why a deploy failed, small enough for a chat message. */
export const TAIL_LINES = 20;
const TAIL_CHARS = 4000;

export class OutputTail {
  private text = '';

  add(chunk: string): void {
    // Keep a margin beyond the limit so a long last line is cut only once, in text().
    this.text = (this.text + chunk).slice(-TAIL_CHARS * 2);
  }

  /** The last TAIL_LINES lines (at most TAIL_CHARS characters), without a trailing newline. */
  value(): string {
    const lines = this.text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    const tail = lines.slice(-TAIL_LINES).join('\n');
    return tail.length > TAIL_CHARS ? tail.slice(-TAIL_CHARS) : tail;
  }
}
