/**
 * Line formats: each turns one log line into its fields (by name) and its time. `combined` and
 * `common` are nginx / Apache defaults, an nginx `log_format` string is compiled to one regex,
 * `json` reads nested fields by dot path, `logfmt` reads `key=value` pairs, `regex` is the user's
 * pattern with named groups. A format that cannot be compiled throws ExpressionError (a spec error).
 */
import { ExpressionError } from '../../fields/text-cursor.js';
import { parseLogfmt } from './logfmt.js';
import { compileNginxFormat, COMBINED, COMMON } from './nginx-format.js';
import type { LineFormat, LineParser } from './parsed-line.js';
import { createTimeParser } from './time-parse.js';

export type { LineFormat, LineParser, ParsedLine } from './parsed-line.js';

const DEFAULT_TIME_FIELDS = ['time', 'ts', 'timestamp', '@timestamp'];

/** Compile a `format` (with `pattern` and the time field where they apply). */
export function compileFormat(format: string, options: { pattern?: string; timeField?: string } = {}): LineFormat {
  const timeFields = options.timeField !== undefined ? [options.timeField] : DEFAULT_TIME_FIELDS;
  switch (format) {
    case 'combined':
      return compileNginxFormat(COMBINED);
    case 'common':
      return compileNginxFormat(COMMON);
    case 'json':
      return { parse: jsonParser(timeFields) };
    case 'logfmt':
      return { parse: logfmtParser(timeFields) };
    case 'regex':
      return regexFormat(options.pattern);
    default:
      if (format.includes('$')) return compileNginxFormat(format);
      throw new ExpressionError(
        `unknown format "${format}": use combined, common, json, logfmt, regex (with pattern) or an nginx log_format string`,
        0,
      );
  }
}

function jsonParser(timeFields: readonly string[]): LineParser {
  const time = createTimeParser();
  return (line) => {
    if (line.charCodeAt(0) !== 123 /* { */) return undefined;
    let object: unknown;
    try {
      object = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (typeof object !== 'object' || object === null) return undefined;
    const get = (field: string): string | undefined => stringOf(pathValue(object, field));
    const t = readTime(get, timeFields, time);
    return Number.isNaN(t) ? undefined : { time: t, get, names: () => fieldPaths(object) };
  };
}

/** `a`, `http.status`, ...: the dot paths of an object's values. */
function fieldPaths(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? fieldPaths(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function pathValue(object: unknown, path: string): unknown {
  const direct = (object as Record<string, unknown>)[path];
  if (direct !== undefined || !path.includes('.')) return direct;
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function readTime(get: (f: string) => string | undefined, fields: readonly string[], time: (t: string) => number) {
  for (const field of fields) {
    const text = get(field);
    if (text !== undefined) return time(text);
  }
  return NaN;
}

function logfmtParser(timeFields: readonly string[]): LineParser {
  const time = createTimeParser();
  return (line) => {
    const pairs = parseLogfmt(line);
    if (pairs === undefined) return undefined;
    const get = (field: string): string | undefined => pairs.get(field);
    const t = readTime(get, timeFields, time);
    return Number.isNaN(t) ? undefined : { time: t, get, names: () => [...pairs.keys()] };
  };
}

function regexFormat(pattern: string | undefined): LineFormat {
  if (pattern === undefined)
    throw new ExpressionError('format: regex needs "pattern" (named groups, one of them time)', 0);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw new ExpressionError((error as Error).message.replace(/^Invalid regular expression: /, ''), 0);
  }
  const names = Object.keys(new RegExp(`${pattern}|`).exec('')?.groups ?? {});
  if (!names.includes('time'))
    throw new ExpressionError('the pattern needs a named group for the time: (?<time>...)', 0);
  const time = createTimeParser();
  return {
    fields: names,
    parse: (line) => {
      const groups = regex.exec(line)?.groups;
      if (groups === undefined) return undefined;
      const t = time(groups.time ?? '');
      return Number.isNaN(t) ? undefined : { time: t, get: (field) => groups[field] };
    },
  };
}
