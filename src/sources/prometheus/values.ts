/**
 * Strict parsing of sample values and timestamps from the Prometheus API. `Number()` is not
 * strict enough: `Number("")` is 0 and `Number("+Inf")` is NaN, each a way to fail open.
 */
import { SourceError } from '../../errors.js';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// A Map, not an object literal: `SPECIAL["constructor"]` must not find Object.prototype.
const SPECIAL = new Map<string, number>([
  ['NaN', Number.NaN],
  ['Inf', Number.POSITIVE_INFINITY],
  ['+Inf', Number.POSITIVE_INFINITY],
  ['-Inf', Number.NEGATIVE_INFINITY],
]);

function protocolError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'protocol' });
}

function describe(raw: unknown): string {
  const text = typeof raw === 'string' ? JSON.stringify(raw) : String(typeof raw);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** Parse a sample value (`"1.5"`, `"1e-3"`, `"NaN"`, `"+Inf"`, `"-Inf"`); anything else is a protocol error. */
export function parseSampleValue(raw: unknown): number {
  if (typeof raw === 'string') {
    const special = SPECIAL.get(raw);
    if (special !== undefined) return special;
    if (DECIMAL.test(raw)) return Number(raw);
  }
  throw protocolError(`the answer held a sample value that is not a number: ${describe(raw)}`);
}

/** Parse a sample timestamp: a finite JSON number of unix seconds, possibly fractional. */
export function parseTimestamp(raw: unknown): number {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  throw protocolError(`the answer held a sample timestamp that is not a number: ${describe(raw)}`);
}
