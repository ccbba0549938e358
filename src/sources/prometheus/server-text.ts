/** Make text that came from a server safe to put in a one-line message. */

const MAX_LENGTH = 300;

/** Strip control characters (terminal escapes, newlines) and shorten to a few hundred characters. */
export function sanitizeServerText(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH)}...` : flat;
}
