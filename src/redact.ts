/**
 * Secret redaction for anything shown to users: messages, reports, --dry-run output.
 *
 * Every non-empty secret value is redacted, however short. A one- or two-character secret then
 * blanks out unrelated text too, which makes a message harder to read; that is the price of
 * never printing any part of a secret, and it is paid only by specs with trivially short secrets.
 */

const MASK = '***';

/** `scheme://user:pass@host` -> `scheme://***@host`. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
/** `Authorization: Bearer x`, `"authorization":"Basic x"`, `Proxy-Authorization=...` up to the line's or field's end. */
const AUTH_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi;
/** A bare credential after its scheme as HTTP writes it (capitalised, so prose like "bearer token" stays). */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace every secret value, URL userinfo and Authorization header value in `text` with `***`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const values = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length > 0))];
  if (values.length > 0) {
    // One pass, longest first, so a secret that contains another is masked whole and a mask
    // never becomes part of a later match.
    values.sort((a, b) => b.length - a.length);
    const pattern = new RegExp(values.map(escapeRegExp).join('|'), 'g');
    out = out.replace(pattern, MASK);
  }
  return out
    .replace(URL_USERINFO, `$1${MASK}@`)
    .replace(AUTH_HEADER, `$1${MASK}`)
    .replace(AUTH_SCHEME, `$1 ${MASK}`);
}

/** Redact every string inside a JSON-like value (a RunResult before any renderer escapes it). */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redact(key, secrets)] = redactDeep(item, secrets);
    return out as T;
  }
  return value;
}
