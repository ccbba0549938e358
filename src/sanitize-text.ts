/**
 * Free text from servers and specs (labels, names, messages) made safe for every stream: one line,
 * no terminal escapes. Below every folder, since errors, progress lines and reports all use it.
 */

// C0/C1 controls and bidi overrides: they could move a terminal's cursor or reorder what a reader sees.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A character as a visible `\uXXXX` escape. */
export function codeEscape(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/** Make free text one safe line: newlines and tabs become spaces, other controls visible `\uXXXX`. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(UNSAFE_TEXT, codeEscape);
}
