/**
 * What a logs source reads: the files its globs match, oldest first (rotated `access.log.2.gz`,
 * `access.log.1`, then `access.log`), or its commands. Listed again at every read, so a file
 * rotated or truncated while a run waits is picked up as `tail -F` would.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SourceError } from '../../errors.js';
import { redact } from '../../redact.js';
import { expandGlob } from './glob.js';

export type LogInput =
  | { kind: 'file' | 'gzip'; path: string; name: string; size: number; mtime: number }
  | { kind: 'command'; argv: readonly string[]; name: string };

/** The files of `globs` in time order; a glob that matches nothing is a source error naming it. */
export async function listFiles(globs: readonly string[], baseDir: string): Promise<LogInput[]> {
  const inputs: LogInput[] = [];
  const seen = new Set<string>();
  for (const glob of globs) {
    const paths = await expandGlob(glob, baseDir);
    let found = 0;
    for (const path of paths) {
      if (seen.has(path)) continue;
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        if (paths.length === 1) throw unreadable(path, error);
        return undefined;
      });
      if (!info?.isFile()) continue;
      seen.add(path);
      found++;
      const kind = path.endsWith('.gz') ? 'gzip' : 'file';
      inputs.push({ kind, path, name: basename(path), size: info.size, mtime: info.mtimeMs / 1000 });
    }
    if (found === 0) throw new SourceError(`no log file matches ${glob}`, { retryable: false, kind: 'network' });
  }
  return inputs.sort((a, b) => inputOrder(a) - inputOrder(b) || rotationNumber(b) - rotationNumber(a));
}

const inputOrder = (input: LogInput): number => (input.kind === 'command' ? 0 : input.mtime);

/** `access.log.3.gz` -> 3, `access.log` -> 0: a higher number is older when the times tie. */
function rotationNumber(input: LogInput): number {
  const match = /\.(\d+)(?:\.gz)?$/.exec(input.name);
  return match ? Number(match[1]) : 0;
}

function unreadable(path: string, error: NodeJS.ErrnoException): SourceError {
  const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EACCES' ? 'permission denied' : error.message;
  return new SourceError(`cannot read log file ${path}: ${why}`, { retryable: false, kind: 'network' });
}

/** Error-safe wrapper: a read failure of `path` named as a source error. */
export function fileError(path: string, error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  return unreadable(path, error as NodeJS.ErrnoException);
}

/** The commands as inputs, each named by its argv with credentials masked. */
export function commandInputs(commands: readonly (readonly string[])[]): LogInput[] {
  return commands.map((argv) => ({ kind: 'command', argv, name: describeCommand(argv) }));
}

/** `[ssh, web-1, cat, x]` as `"ssh web-1 cat x"`, with option values that look like credentials masked. */
export function describeCommand(argv: readonly string[]): string {
  const words: string[] = [];
  let maskNext = false;
  for (const word of argv) {
    if (maskNext) {
      words.push('***');
      maskNext = false;
      continue;
    }
    const option = /^(--?[\w-]*(?:token|password|passwd|secret|key|auth)[\w-]*)(=.*)?$/i.exec(word);
    if (option) {
      words.push(option[2] !== undefined ? `${option[1]}=***` : word);
      maskNext = option[2] === undefined;
    } else words.push(word);
  }
  return `"${redact(words.join(' '))}"`;
}
