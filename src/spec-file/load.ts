/** Read a spec file from disk and validate it. */
import { open } from 'node:fs/promises';
import { SpecError, UsageError } from '../errors.js';
import { MAX_SPEC_BYTES, parseSpec, type SpecOptions } from './parse.js';
import type { Spec } from '../spec-model.js';

/** Load and validate a spec; throws UsageError when unreadable, SpecError with every issue when invalid. */
export async function loadSpec(file: string, opts: SpecOptions): Promise<Spec> {
  const bytes = await readCapped(file);
  if (bytes.length > MAX_SPEC_BYTES) {
    throw new SpecError([
      { file, line: 1, col: 1, message: 'the spec file is over the 1 MiB limit: check that this is the right file' },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SpecError([{ file, line: 1, col: 1, message: 'the spec file is not UTF-8 text' }]);
  }
  const { spec, issues } = parseSpec(text, file, opts);
  if (spec === undefined) throw new SpecError(issues);
  return spec;
}

/** Read at most one byte more than the limit, so a huge file or a pipe is never read whole. */
async function readCapped(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new UsageError(`cannot read spec file "${file}": ${describe(error)}`);
  }
  try {
    const buffer = Buffer.alloc(MAX_SPEC_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw new UsageError(`cannot read spec file "${file}": ${describe(error)}`);
  } finally {
    await handle.close();
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file; check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory; give the path of a YAML file';
    default:
      return code ?? 'unknown error';
  }
}
