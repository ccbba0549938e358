/** The scalar value kinds of the spec (durations, percentages, URLs...), each with parser and schema. */
import { parseDuration } from '../time/duration.js';
import type { ParseResult, ScalarType } from './value-types.js';

const VARIABLE = String.raw`\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}`;

/** A string pattern that editors also accept when the value is a `${VAR}` or `${VAR:-default}` template. */
function templatedPattern(pattern: string): string {
  return `^(?:${pattern})$|${VARIABLE}`;
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const refused = <T>(reason?: string): ParseResult<T> => (reason === undefined ? { ok: false } : { ok: false, reason });

/** Any non-empty string. */
export const nonEmptyString: ScalarType<string> = {
  kind: 'scalar',
  expected: 'a non-empty string',
  echo: true,
  schema: { type: 'string', minLength: 1 },
  parse: (raw) => (typeof raw === 'string' && raw.trim() !== '' ? ok(raw) : refused()),
};

/** A string that may be empty (passwords, header values). */
export const anyString: ScalarType<string> = {
  kind: 'scalar',
  expected: 'a string (put numbers in quotes)',
  echo: false,
  schema: { type: 'string' },
  parse: (raw) => (typeof raw === 'string' ? ok(raw) : refused()),
};

/** An HTTP header value: no CR or LF, which would split the request (header injection). */
export const headerValue: ScalarType<string> = {
  kind: 'scalar',
  expected: 'a string without line breaks (put numbers in quotes)',
  echo: false,
  schema: { type: 'string', pattern: '^[^\\r\\n]*$' },
  parse: (raw) => (typeof raw === 'string' && !/[\r\n]/.test(raw) ? ok(raw) : refused()),
};

/** A Prometheus label name. */
export const labelName: ScalarType<string> = {
  kind: 'scalar',
  expected: 'a label name (letters, digits and "_", not starting with a digit)',
  echo: true,
  schema: { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' },
  parse: (raw) => (typeof raw === 'string' && /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(raw) ? ok(raw) : refused()),
};

/** One of a fixed list of words. */
export function enumOf<T extends string>(values: readonly T[]): ScalarType<T> {
  return {
    kind: 'scalar',
    expected: `one of ${values.join(', ')}`,
    echo: true,
    schema: { type: 'string', enum: [...values] },
    parse: (raw) => (typeof raw === 'string' && (values as readonly string[]).includes(raw) ? ok(raw as T) : refused()),
  };
}

/** Exactly this number (the spec `version`). */
export function constant(value: number): ScalarType<number> {
  return {
    kind: 'scalar',
    expected: String(value),
    echo: true,
    schema: { const: value },
    parse: (raw) => (raw === value ? ok(value) : refused()),
  };
}

/** A finite number. */
export const finiteNumber: ScalarType<number> = {
  kind: 'scalar',
  expected: 'a number',
  echo: true,
  schema: { type: 'number' },
  parse: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : refused()),
};

/** An integer within [min, max]. */
export function integerIn(min: number, max?: number): ScalarType<number> {
  const expected = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  return {
    kind: 'scalar',
    expected,
    echo: true,
    schema: { type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) },
    parse: (raw) =>
      typeof raw === 'number' && Number.isInteger(raw) && raw >= min && (max === undefined || raw <= max)
        ? ok(raw)
        : refused(),
  };
}

/** true or false (YAML 1.2: `yes`/`no` are strings, so they are refused). */
export const boolean: ScalarType<boolean> = {
  kind: 'scalar',
  expected: 'true or false',
  echo: true,
  schema: { type: 'boolean' },
  parse: (raw) => (typeof raw === 'boolean' ? ok(raw) : refused()),
};

const DURATION_PATTERN = '(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w|y))+';

/** A Prometheus duration (`30s`, `1h30m`), in seconds; a bare `0` is allowed when zero is. */
export function duration(options: { positive: boolean }): ScalarType<number> {
  const expected = options.positive
    ? 'a duration like 30s, 5m or 1h30m (greater than zero)'
    : 'a duration like 30s, 5m or 1h30m (or 0)';
  const text = { type: 'string', pattern: templatedPattern(DURATION_PATTERN) };
  return {
    kind: 'scalar',
    expected,
    echo: true,
    schema: options.positive ? text : { anyOf: [text, { const: 0 }] },
    parse: (raw) => {
      const seconds = raw === 0 ? 0 : typeof raw === 'string' ? parseDuration(raw) : undefined;
      if (seconds === undefined) return refused();
      return options.positive && seconds <= 0 ? refused('must be greater than zero') : ok(seconds);
    },
  };
}

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

/** Parse `10%` or a plain number into a fraction; undefined when it is neither. */
function parseFraction(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const match = PERCENT.exec(raw);
  return match ? Number(match[1]) / 100 : undefined;
}

/**
 * A relative amount >= 0: `10%` or the fraction 0.1. A bare number above 1 is refused: `10`
 * meant as ten percent would silently allow a 1000% change, and a change beyond 100% reads
 * plainly as a percentage (`250%`).
 */
export const percentage: ScalarType<number> = {
  kind: 'scalar',
  expected: 'a percentage like 10% or a fraction like 0.1 (not negative)',
  echo: true,
  schema: {
    anyOf: [
      { type: 'number', minimum: 0, maximum: 1 },
      { type: 'string', pattern: templatedPattern('\\d+(?:\\.\\d+)?%') },
    ],
  },
  parse: (raw) => {
    const value = parseFraction(raw);
    if (typeof raw === 'number' && value !== undefined && value > 1) {
      return refused(
        `is the bare number ${raw}, which would be read as a fraction (${Number((raw * 100).toPrecision(6))}%): ` +
          `write ${raw}% for ${raw} percent, or ${Number((raw / 100).toPrecision(6))}; ` +
          `a change beyond 100% as a percentage, e.g. ${Number((raw * 100).toPrecision(6))}%`,
      );
    }
    return value !== undefined && value >= 0 ? ok(value) : refused();
  },
};

/** A probability strictly between 0 and 1: `0.95` or `95%`. */
export const probability: ScalarType<number> = {
  kind: 'scalar',
  expected: 'a value between 0 and 1 (exclusive) like 0.95, or a percentage like 95%',
  echo: true,
  schema: {
    anyOf: [
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      { type: 'string', pattern: templatedPattern('\\d{1,2}(?:\\.\\d+)?%') },
    ],
  },
  parse: (raw) => {
    const value = parseFraction(raw);
    return value !== undefined && value > 0 && value < 1 ? ok(value) : refused();
  },
};

/** An RFC 3339 timestamp with a timezone, kept as text. */
export const timestamp: ScalarType<string> = {
  kind: 'scalar',
  expected: 'an RFC 3339 time with a timezone, like "2026-11-26T10:00:00Z"',
  echo: true,
  schema: {
    type: 'string',
    pattern: templatedPattern('\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})'),
  },
  parse: (raw) =>
    typeof raw === 'string' &&
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(raw) &&
    !Number.isNaN(Date.parse(raw))
      ? ok(raw)
      : refused(),
};

/** An http(s) URL without user:password (credentials belong in `auth`, where they are redacted). */
export const httpUrl: ScalarType<string> = {
  kind: 'scalar',
  expected: 'an http:// or https:// URL',
  echo: false,
  schema: { type: 'string', pattern: templatedPattern('https?://\\S+') },
  parse: (raw) => {
    if (typeof raw !== 'string') return refused();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refused();
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return refused(`must use http:// or https:// (not ${url.protocol})`);
    }
    if (url.username !== '' || url.password !== '') {
      return refused('must not contain user:password; use auth.username and auth.password (or auth.bearer) instead');
    }
    return ok(raw);
  },
};
