/**
 * Secret redaction for anything shown to users: messages, reports, --dry-run output.
 *
 * Two places, two rules:
 * - Results (run, backtest, check) are redacted as data, before any renderer sees them
 *   (redactDeep): only string values change, never keys, so every report keeps its structure and
 *   the escaping the renderer applies afterwards also covers the mask. A value that equals a
 *   secret is masked whatever its length; the program's own words (verdicts, test codes) never are.
 * - Free text (stderr messages, progress lines, --dry-run) is redacted by substring (redact), but
 *   only for secrets of at least MIN_REDACTABLE_LENGTH characters. A shorter secret is a common
 *   word, number or syntax character (`e`, `0`, `true`, `"`): masking it inside ordinary text
 *   would mangle every message and report it occurs in, and would not hide a secret that short
 *   anyway. The spec reader warns about such a credential instead (spec-warnings.ts).
 */
import { isProgramWord } from './program-words.js';

const MASK = '***';

/**
 * 8: the shortest memorised secret NIST SP 800-63B allows, far below any API token; at 8
 * characters and more a chance match with ordinary words, numbers or report syntax is rare.
 */
export const MIN_REDACTABLE_LENGTH = 8;

/** `scheme://user:pass@host` -> `scheme://***@host`. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
/** `Authorization: Bearer x`, `"authorization":"Basic x"`, `Proxy-Authorization=...` up to the line's or field's end. */
const AUTH_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi;
/** A bare credential after its scheme as HTTP writes it (capitalised, so prose like "bearer token" stays). */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a secret is long enough to be masked inside ordinary text. */
export function isRedactableInText(secret: string): boolean {
  return secret.length >= MIN_REDACTABLE_LENGTH;
}

/**
 * Replace every secret of at least MIN_REDACTABLE_LENGTH characters, URL userinfo and
 * Authorization header value in free `text` with `***`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  return maskSecretsAnywhere(text, secrets.filter(isRedactableInText))
    .replace(URL_USERINFO, `$1${MASK}@`)
    .replace(AUTH_HEADER, `$1${MASK}`)
    .replace(AUTH_SCHEME, `$1 ${MASK}`);
}

/**
 * Mask every occurrence of every secret, however short, for text that is never shown (the
 * snapshot's spec hash), where only independence from the secrets' values matters.
 */
export function maskSecretsAnywhere(text: string, secrets: readonly string[]): string {
  const values = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length > 0))];
  if (values.length === 0) return text;
  // One pass, longest first, so a secret that contains another is masked whole and a mask
  // never becomes part of a later match.
  values.sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(values.map(escapeRegExp).join('|'), 'g'), MASK);
}

/** One string value of a result: masked whole when it equals a secret (any length), else as free text. */
export function redactValue(value: string, secrets: readonly string[] = []): string {
  if (isProgramWord(value)) return value;
  if (secrets.includes(value) && value !== '') return MASK;
  return redact(value, secrets);
}

/**
 * Redact every string value inside a JSON-like value (a result, before any renderer escapes it).
 * Keys are never changed: they are the report's structure (and label names, which are not secret).
 */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redactValue(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines each key as data, so a label named `__proto__` stays a label.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)])) as T;
  }
  return value;
}
