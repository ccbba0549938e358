/**
 * Folding values into few series: ids, numbers and hashes in paths become `:id` (`/users/42` and
 * `/users/43` are one route), and error messages become signatures with numbers, ids, hex and
 * quoted values masked, so one message with changing details is one series.
 */

const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,}|(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,})$/i;

/** Folded paths by path: a log repeats its paths, and folding is the costliest step of a `by` line. */
const folded = new Map<string, string>();
const FOLDED_KEPT = 10_000;

/** `/users/42/orders/9f1c...` -> `/users/:id/orders/:id`; other values unchanged. */
export function foldPath(value: string): string {
  if (!value.startsWith('/')) return value;
  const known = folded.get(value);
  if (known !== undefined) return known;
  if (folded.size >= FOLDED_KEPT) folded.clear();
  const result = foldSegments(value);
  folded.set(value, result);
  return result;
}

function foldSegments(value: string): string {
  const query = value.indexOf('?');
  const path = query < 0 ? value : value.slice(0, query);
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

/** The signature of a message: quoted values, UUIDs, hex, numbers masked; whitespace collapsed. */
export function messageSignature(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '":str"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "':str'")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ':id')
    .replace(/\b0x[0-9a-f]+\b/gi, ':hex')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi, ':hex')
    .replace(/-?\b\d+(?:\.\d+)?\b/g, ':num')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
