/**
 * One pass over a logs source's inputs for a span of time, shared by every query that asked for
 * it: plain files are entered by a binary search on time, gzip files older than the span are
 * skipped by their modification time, and every input stops a little after the span's end
 * (lines up to OUT_OF_ORDER seconds late are still taken: nginx writes a line when a request ends).
 */
import { open } from 'node:fs/promises';
import { fileError, type LogInput } from './inputs.js';
import type { LineParser, ParsedLine } from './line-format.js';
import { readCommandLines, readFileLines, readGzipLines, type OnLine } from './line-stream.js';
import { fileTimeSpan, seekTime } from './seek.js';

/** Seconds a line may stand out of time order. */
export const OUT_OF_ORDER = 120;
/** Unparsed lines kept to be named (each window names its first few). */
const SAMPLES = 50;

/** A reader of lines in [start, end]; the pass fills in what it saw there. */
export interface PassConsumer {
  start: number;
  end: number;
  onLine(line: ParsedLine, raw: string): void;
  /** Lines whose time is in [start, end], and unparsed lines among them (placed by the time before them). */
  lines: number;
  unparsed: number;
}

/** Where an unparsed line is, for messages. */
export interface UnparsedLine {
  where: string;
  text: string;
  /** The time of the last parsed line before it (undefined before any). */
  after?: number;
}

export interface PassReport {
  /** Lines read (parsed or not) and parsed. */
  read: number;
  parsed: number;
  /** The earliest time of the inputs (undefined when an input older than the span was skipped). */
  earliest?: number;
  latest?: number;
  /** The inputs read, by name. */
  inputs: string[];
  /** The first line that parsed, for `check` to show its fields. */
  first?: ParsedLine;
  /** Files left unread because they were last written before the span (name, modification time). */
  older: { name: string; mtime: number }[];
  unparsed: UnparsedLine[];
}

interface Sample {
  input: LogInput;
  offset: number;
  line: number;
  text: string;
  after?: number;
}

/** Read [from, to] of `inputs` once, feeding every consumer the lines of its own span. */
export async function readPass(
  inputs: readonly LogInput[],
  parse: LineParser,
  from: number,
  to: number,
  consumers: readonly PassConsumer[],
  timeoutSeconds: number,
  signal?: AbortSignal,
): Promise<PassReport> {
  const report: PassReport = { read: 0, parsed: 0, inputs: [], unparsed: [], older: [] };
  const samples: Sample[] = [];
  let skippedOlder = false;
  let earliest = Infinity;
  let latest = -Infinity;
  const timeOf = (line: string): number | undefined => parse(line)?.time;
  const visitor = (input: LogInput, offset: number): { onLine: OnLine; ended: () => boolean } => {
    let lastTime: number | undefined;
    let lineNo = 0;
    let ended = false;
    const onLine: OnLine = (raw) => {
      lineNo++;
      report.read++;
      const line = raw === '' ? undefined : parse(raw);
      if (line === undefined) {
        if (raw.trim() === '') return;
        if (samples.length < SAMPLES)
          samples.push({
            input,
            offset,
            line: lineNo,
            text: raw.slice(0, 200),
            ...(lastTime !== undefined ? { after: lastTime } : {}),
          });
        if (lastTime !== undefined)
          for (const c of consumers) if (lastTime >= c.start && lastTime <= c.end) c.unparsed++;
        return;
      }
      report.parsed++;
      report.first ??= line;
      const t = line.time;
      lastTime = t;
      if (t < earliest) earliest = t;
      if (t > latest) latest = t;
      if (t > to + OUT_OF_ORDER) {
        ended = true;
        return false;
      }
      for (const c of consumers) {
        if (t < c.start || t > c.end) continue;
        c.lines++;
        c.onLine(line, raw);
      }
      return undefined;
    };
    return { onLine, ended: () => ended };
  };
  for (const input of inputs) {
    if (signal?.aborted) break;
    if (input.kind === 'command') {
      report.inputs.push(input.name);
      await readCommandLines(input.argv, input.name, timeoutSeconds, visitor(input, 0).onLine, signal);
      continue;
    }
    if (input.mtime < from - OUT_OF_ORDER) {
      skippedOlder = true;
      report.older.push({ name: input.name, mtime: input.mtime });
      continue;
    }
    try {
      if (input.kind === 'gzip') {
        report.inputs.push(input.name);
        const v = visitor(input, 0);
        await readGzipLines(input.path, v.onLine);
        if (v.ended()) break;
        continue;
      }
      const span = await fileTimeSpan(input.path, input.size, timeOf);
      if (span.first !== undefined && span.first < earliest) earliest = span.first;
      if (span.first !== undefined && span.first > to + OUT_OF_ORDER) break;
      if (span.last !== undefined && span.last < from - OUT_OF_ORDER) {
        skippedOlder = true;
        continue;
      }
      const offset = await seekTime(input.path, input.size, timeOf, from - OUT_OF_ORDER);
      if (offset > 0) skippedOlder = true;
      report.inputs.push(input.name);
      const v = visitor(input, offset);
      await readFileLines(input.path, offset, v.onLine);
      if (v.ended()) break;
    } catch (error) {
      throw fileError(input.path, error);
    }
  }
  if (!skippedOlder && Number.isFinite(earliest)) report.earliest = earliest;
  if (Number.isFinite(latest)) report.latest = latest;
  report.unparsed = await Promise.all(samples.map(describeSample));
  return report;
}

/** `access.log:17` (the line number counted from the file's start when the read began further in). */
async function describeSample(sample: Sample): Promise<UnparsedLine> {
  const { input } = sample;
  let line = sample.line;
  if (input.kind === 'file' && sample.offset > 0) line += await countLines(input.path, sample.offset).catch(() => NaN);
  const where = Number.isNaN(line) ? `${input.name} (a line after byte ${sample.offset})` : `${input.name}:${line}`;
  return { where, text: sample.text, ...(sample.after !== undefined ? { after: sample.after } : {}) };
}

async function countLines(path: string, upTo: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let count = 0;
    for (let position = 0; position < upTo;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, upTo - position), position);
      if (bytesRead === 0) break;
      for (let i = buffer.indexOf(10, 0); i >= 0 && i < bytesRead; i = buffer.indexOf(10, i + 1)) count++;
      position += bytesRead;
    }
    return count;
  } finally {
    await handle.close();
  }
}
