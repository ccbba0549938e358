/** logfmt (`key=value key2="quoted value"`), as written by Go's logfmt, logrus and Heroku. */

const KEY = /([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|\S*))?/y;

/** The pairs of a logfmt line, or undefined when it has none. */
export function parseLogfmt(line: string): Map<string, string> | undefined {
  const pairs = new Map<string, string>();
  let pos = 0;
  while (pos < line.length) {
    while (line.charCodeAt(pos) === 32 || line.charCodeAt(pos) === 9) pos++;
    if (pos >= line.length) break;
    KEY.lastIndex = pos;
    const match = KEY.exec(line);
    if (match === null) return undefined;
    const raw = match[2] ?? '';
    pairs.set(match[1] as string, raw.startsWith('"') ? unquote(raw) : raw);
    pos = KEY.lastIndex;
  }
  return pairs.size > 0 && [...pairs.values()].some((v) => v !== '') ? pairs : undefined;
}

function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
