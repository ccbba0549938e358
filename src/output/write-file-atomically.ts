/**
 * Files written whole or not at all. A report or snapshot is written to a new file beside its
 * target and renamed over it, so a full disk or a crash never leaves half a file under the real
 * name, and a reader never sees one being written.
 *
 * The temporary file has a random name and is created exclusively (O_CREAT | O_EXCL): it cannot
 * be an existing file or a symbolic link someone planted. rename() replaces a symbolic link at the
 * target itself and never follows it, so a link planted where a report goes (a shared directory,
 * a CI workspace; reports are often written as root) cannot redirect the report onto another file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Longest part of the target's name kept in the temporary name (file names are at most 255 bytes). */
const NAME_KEPT = 100;

export interface TemporaryFile {
  path: string;
  handle: FileHandle;
}

/** A new empty file beside `target`, with a random name, created exclusively. */
export async function createTemporaryBeside(target: string): Promise<TemporaryFile> {
  const name = `.${basename(target).slice(0, NAME_KEPT)}.${randomBytes(8).toString('hex')}.tmp`;
  const path = join(dirname(target), name);
  return { path, handle: await open(path, 'wx', 0o666) };
}

/** Write `text` to `target` atomically; an existing file keeps its permissions. Throws the file system's error. */
export async function writeFileAtomically(target: string, text: string): Promise<void> {
  const previous = await lstat(target).catch(() => undefined);
  const temporary = await createTemporaryBeside(target);
  let renamed = false;
  try {
    // A report someone restricted to 0600 stays 0600 when it is replaced.
    if (previous?.isFile()) await temporary.handle.chmod(previous.mode & 0o7777);
    await temporary.handle.writeFile(text);
    await temporary.handle.sync();
    await temporary.handle.close();
    await rename(temporary.path, target);
    renamed = true;
  } finally {
    if (!renamed) {
      await temporary.handle.close().catch(() => undefined);
      await unlink(temporary.path).catch(() => undefined);
    }
  }
}
