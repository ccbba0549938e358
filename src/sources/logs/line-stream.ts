/**
 * Lines of a file, a gzip file or a command's stdout, in chunks, with bounded memory: a chunk is
 * split at its last newline and the rest carried over. The consumer may stop the read at any line.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { SourceError } from '../../errors.js';

/** Return `false` to stop reading. */
export type OnLine = (line: string) => boolean | void;

const CHUNK = 1 << 20;
/** A line longer than this is cut (a binary file or a runaway line must not fill the memory). */
const MAX_LINE = 1 << 20;

/** Read a plain file from byte `offset`; resolves when the file's end (as it was) or a stop is reached. */
export async function readFileLines(path: string, offset: number, onLine: OnLine): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let carry = '';
    let position = offset;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const last = buffer.lastIndexOf(10, bytesRead - 1);
      if (last < 0) {
        carry = (carry + buffer.toString('utf8', 0, bytesRead)).slice(0, MAX_LINE);
        continue;
      }
      const text = carry + buffer.toString('utf8', 0, last);
      carry = buffer.toString('utf8', last + 1, bytesRead);
      if (!splitLines(text, onLine)) return;
    }
    if (carry !== '') onLine(carry);
  } finally {
    await handle.close();
  }
}

/** Split on newlines and call onLine; false when the consumer stopped. */
function splitLines(text: string, onLine: OnLine): boolean {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    const trimmed = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
    if (onLine(trimmed) === false) return false;
    if (end < 0) return true;
    start = end + 1;
  }
}

/** Lines of a readable stream of chunks (gunzipped file, command output). */
async function readStreamLines(stream: AsyncIterable<Buffer>, onLine: OnLine): Promise<boolean> {
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + chunk.toString('utf8');
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      carry = text.slice(0, MAX_LINE);
      continue;
    }
    carry = text.slice(last + 1);
    if (!splitLines(text.slice(0, last), onLine)) return false;
  }
  if (carry !== '') return onLine(carry) !== false;
  return true;
}

/** Read a gzip file whole (it cannot be searched), unless the consumer stops. */
export async function readGzipLines(path: string, onLine: OnLine): Promise<void> {
  const file = createReadStream(path, { highWaterMark: CHUNK });
  const gunzip = file.pipe(createGunzip({ chunkSize: CHUNK }));
  try {
    await readStreamLines(gunzip, onLine);
  } catch (error) {
    throw new SourceError(`cannot read ${path}: ${(error as Error).message}`, { retryable: false, kind: 'protocol' });
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

/**
 * Run an argv (no shell) and read its stdout. Exits non-zero, cannot start or outlives `timeout`:
 * a SourceError naming the command. Stopped by the consumer: the command is ended and its exit
 * does not count.
 */
export async function readCommandLines(
  argv: readonly string[],
  name: string,
  timeoutSeconds: number,
  onLine: OnLine,
  signal?: AbortSignal,
): Promise<void> {
  const [file, ...args] = argv as [string, ...string[]];
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((done) => {
    child.on('error', (error) => done({ code: null, error }));
    child.on('close', (code) => done({ code }));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, timeoutSeconds * 1000);
  let stopped = false;
  try {
    const complete = await readStreamLines(child.stdout, onLine);
    if (!complete) {
      stopped = true;
      child.kill('SIGTERM');
    }
  } finally {
    clearTimeout(timer);
  }
  const { code, error } = await exited;
  if (stopped) return;
  const fail = (why: string): SourceError =>
    new SourceError(`the command ${name} ${why}`, { retryable: false, kind: 'network' });
  if (error) throw fail(`could not start: ${error.message}`);
  if (timedOut) throw fail(`did not finish within ${timeoutSeconds}s (timeout)`);
  if (code !== 0) {
    const tail = stderr.trim().split('\n').slice(-3).join(' | ');
    throw fail(`exited with ${code ?? 'a signal'}${tail ? `: ${tail}` : ''}`);
  }
}
