/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4, which prom-client and
 * every client library serve; OpenMetrics' `# EOF` is accepted too). Strict: a malformed line is
 * an error naming its line number, never skipped, so a proxy's error page is not read as data.
 */

/** One sample line. */
export interface ExposedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A malformed exposition; the message names the line. */
export class ExpositionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpositionError';
  }
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set([
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
  'unknown',
  'info',
  'stateset',
  'gaugehistogram',
]);

/** Parse an exposition; `keep` (metric names) filters samples early so a big page stays cheap. */
export function parseExposition(
  text: string,
  keep?: ReadonlySet<string>,
): { samples: ExposedSample[]; types: Map<string, string> } {
  const samples: ExposedSample[] = [];
  const types = new Map<string, string>();
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const where = `line ${index + 1}`;
    if (line.trim() === '') return;
    if (line.startsWith('#')) return readComment(line, types, where);
    const sample = readSample(line, where);
    if (keep === undefined || keep.has(sample.name)) samples.push(sample);
  });
  return { samples, types };
}

function readComment(line: string, types: Map<string, string>, where: string): void {
  const type = /^#\s+TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
  if (type) {
    if (!NAME.test(type[1] as string) || !TYPES.has(type[2] as string))
      throw new ExpositionError(`${where}: bad TYPE line`);
    types.set(type[1] as string, type[2] as string);
  }
  // HELP, EOF and free comments carry nothing the gate reads.
}

function readSample(line: string, where: string): ExposedSample {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) throw new ExpositionError(`${where}: expected a metric name`);
  let pos = name.length;
  const labels: Record<string, string> = Object.create(null);
  if (line[pos] === '{') pos = readLabels(line, pos + 1, labels, where);
  const after = line.slice(pos);
  const rest = after.trim().split(/\s+/);
  if (!/^[ \t]/.test(after) || rest.length > 2 || rest[0] === '')
    throw new ExpositionError(`${where}: expected "name{labels} value [timestamp]"`);
  const value = parseSampleValue(rest[0] as string);
  if (value === undefined) throw new ExpositionError(`${where}: "${(rest[0] as string).slice(0, 30)}" is not a number`);
  if (rest[1] !== undefined && !/^-?\d+(?:\.\d+)?$/.test(rest[1])) throw new ExpositionError(`${where}: bad timestamp`);
  return { name, labels, value };
}

/** Read `a="x",b="y"}` from `pos`; returns the position after the closing brace. */
function readLabels(line: string, start: number, labels: Record<string, string>, where: string): number {
  let pos = start;
  for (;;) {
    while (line[pos] === ' ') pos++;
    if (line[pos] === '}') return pos + 1;
    const label = LABEL.exec(line.slice(pos))?.[0];
    if (label === undefined || line[pos + label.length] !== '=' || line[pos + label.length + 1] !== '"')
      throw new ExpositionError(`${where}: bad label`);
    pos += label.length + 2;
    let value = '';
    for (; pos < line.length && line[pos] !== '"'; pos++) {
      if (line[pos] !== '\\') {
        value += line[pos];
        continue;
      }
      const next = line[++pos];
      if (next === 'n') value += '\n';
      else if (next === '\\' || next === '"') value += next;
      else throw new ExpositionError(`${where}: bad escape in label value`);
    }
    if (pos >= line.length) throw new ExpositionError(`${where}: label value not closed`);
    if (label in labels) throw new ExpositionError(`${where}: label "${label}" repeated`);
    labels[label] = value;
    pos++;
    while (line[pos] === ' ') pos++;
    if (line[pos] === ',') pos++;
    else if (line[pos] !== '}') throw new ExpositionError(`${where}: expected "," or "}" after a label`);
  }
}

/** Go's ParseFloat forms that expositions use; Number('') is 0 in JavaScript, so parse strictly. */
export function parseSampleValue(text: string): number | undefined {
  if (/^[+]?Inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-Inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^NaN$/i.test(text)) return Number.NaN;
  return /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}
