/**
 * An nginx `log_format` compiled to one regex, each variable a field named after it. Pasted as
 * written in nginx.conf: `log_format main escape=json` in front, the quoted pieces and the final
 * `;` are accepted. `$request` also gives `method`, `path` (without the query string) and
 * `protocol`; the time is `$time_local`, `$time_iso8601` or `$msec`.
 */
import { ExpressionError } from '../../fields/text-cursor.js';
import type { LineFormat, ParsedLine } from './parsed-line.js';
import { createTimeParser } from './time-parse.js';

export const COMMON = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent';
export const COMBINED = `${COMMON} "$http_referer" "$http_user_agent"`;

const TIME_VARIABLES = ['time_local', 'time_iso8601', 'msec'];
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Compile a log_format string; throws ExpressionError (offset into `format`) when it cannot be read. */
export function compileNginxFormat(format: string): LineFormat {
  const { body, json } = unwrap(format);
  const names: string[] = [];
  let source = '^';
  let last = 0;
  const matches = [...body.matchAll(VARIABLE)];
  if (matches.length === 0) throw new ExpressionError('the log_format has no $variable', 0);
  matches.forEach((match, index) => {
    const literal = body.slice(last, match.index);
    if (index > 0 && literal === '')
      throw new ExpressionError(
        `$${names[names.length - 1]} and $${match[1] ?? match[2]} have nothing between them: a line cannot be split there`,
        match.index,
      );
    source += escapeRegex(literal);
    const name = (match[1] ?? match[2]) as string;
    names.push(name);
    last = match.index + match[0].length;
    const next = body[last];
    const quoted = literal.endsWith('"');
    if (json && quoted) source += '((?:[^"\\\\]|\\\\.)*)';
    else if (next === undefined) source += quoted ? '([^"]*)' : '(\\S*)';
    else source += `([^${escapeClass(next)}]*)`;
  });
  source += escapeRegex(body.slice(last).replace(/\s+$/, ''));
  const timeIndex = names.findIndex((name) => TIME_VARIABLES.includes(name));
  if (timeIndex < 0)
    throw new ExpressionError('the log_format has no time: add $time_local, $time_iso8601 or $msec', 0);
  return { fields: withRequestParts(names), parse: regexParser(new RegExp(source), names, timeIndex, json) };
}

function withRequestParts(names: readonly string[]): string[] {
  return names.includes('request') ? [...names, 'method', 'path', 'protocol'] : [...names];
}

/** The format between its quotes, without `log_format <name>`, `escape=...` and the final `;`. */
function unwrap(format: string): { body: string; json: boolean } {
  let text = format.trim().replace(/;$/, '').trim();
  text = text.replace(/^log_format\s+\S+\s+/, '');
  const escape = /^escape=(\w+)\s+/.exec(text);
  if (escape) text = text.slice(escape[0].length);
  const pieces = [...text.matchAll(/'([^']*)'/g)];
  const quotedWhole = pieces.length > 0 && text.replace(/'[^']*'/g, '').trim() === '';
  const body = quotedWhole ? pieces.map((p) => p[1]).join('') : text;
  return { body, json: escape?.[1] === 'json' };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, ' +');
}

function escapeClass(char: string): string {
  return /[\]\\^-]/.test(char) ? `\\${char}` : char;
}

/** The fields of one matched line; a class, so a line costs one small object and no closures. */
class MatchedLine implements ParsedLine {
  private request: string[] | undefined;
  constructor(
    readonly time: number,
    private readonly match: RegExpExecArray,
    private readonly layout: Layout,
  ) {}

  get(field: string): string | undefined {
    const i = this.layout.index.get(field);
    if (i !== undefined) {
      const value = this.match[i];
      return this.layout.json && value !== undefined && value.includes('\\') ? unescapeJson(value) : value;
    }
    const { requestIndex } = this.layout;
    if (requestIndex === undefined || (field !== 'method' && field !== 'path' && field !== 'protocol'))
      return undefined;
    this.request ??= splitRequest(this.match[requestIndex] ?? '');
    return this.request[field === 'method' ? 0 : field === 'path' ? 1 : 2];
  }
}

interface Layout {
  index: Map<string, number>;
  requestIndex: number | undefined;
  json: boolean;
}

function regexParser(regex: RegExp, names: readonly string[], timeIndex: number, json: boolean) {
  const index = new Map(names.map((name, i) => [name, i + 1]));
  const layout: Layout = { index, requestIndex: index.get('request'), json };
  const time = createTimeParser();
  return (line: string): ParsedLine | undefined => {
    const match = regex.exec(line);
    if (match === null) return undefined;
    const t = time(match[timeIndex + 1] as string);
    return Number.isNaN(t) ? undefined : new MatchedLine(t, match, layout);
  };
}

/** `GET /a/b?x=1 HTTP/1.1` as method, path without the query string, protocol. */
function splitRequest(request: string): string[] {
  const first = request.indexOf(' ');
  if (first < 0) return [request, '', ''];
  const second = request.lastIndexOf(' ');
  const target = second > first ? request.slice(first + 1, second) : request.slice(first + 1);
  const query = target.indexOf('?');
  return [
    request.slice(0, first),
    query < 0 ? target : target.slice(0, query),
    second > first ? request.slice(second + 1) : '',
  ];
}

function unescapeJson(value: string): string {
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}
