/**
 * Before any work: a path a file will be written to must be able to take it. A missing directory,
 * a directory, a device or a directory without write access is a usage error (exit 2) while
 * nothing has been fetched or judged yet, rather than a failure after the verdict.
 */
import { lstat, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { describeFileError } from './describe-file-error.js';
import { createTemporaryBeside } from './write-file-atomically.js';

/** What a path holds now; undefined when nothing is there. */
async function lstatOrNothing(path: string, option: string): Promise<Awaited<ReturnType<typeof lstat>> | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR')
      throw new UsageError(`${option} ${path}: a part of the path before the file name is not a directory`);
    throw new UsageError(`${option} ${path}: ${describeFileError(error)}`);
  }
}

/** The target itself: nothing yet, a regular file, or a link to one (replaced, not followed). */
async function checkTarget(path: string, option: string): Promise<void> {
  const found = await lstatOrNothing(path, option);
  if (found === undefined || found.isFile()) return;
  if (found.isDirectory()) throw new UsageError(`${option} ${path} is a directory: name a file in it`);
  if (found.isSymbolicLink()) {
    // The write replaces the link; a link to a device, pipe or directory (/dev/stdout) is refused rather than replaced.
    const pointed = await stat(path).catch(() => undefined);
    if (pointed === undefined || pointed.isFile()) return;
    throw new UsageError(
      `${option} ${path} is a link to something that is not a regular file; writing would replace the link: name a file instead`,
    );
  }
  throw new UsageError(`${option} ${path} is not a regular file (a device, pipe or socket): name a file`);
}

/** The directory must exist and take a new file (root ignores permissions, not a read-only file system). */
async function checkDirectory(path: string, option: string): Promise<void> {
  const directory = dirname(path);
  const found = await lstatOrNothing(directory, option);
  if (found === undefined) throw new UsageError(`${option} ${path}: the directory ${directory} does not exist`);
  const resolved = found.isSymbolicLink() ? await stat(directory).catch(() => undefined) : found;
  if (resolved === undefined) throw new UsageError(`${option} ${path}: the directory ${directory} does not exist`);
  if (!resolved.isDirectory()) throw new UsageError(`${option} ${path}: ${directory} is not a directory`);
  try {
    const probe = await createTemporaryBeside(join(directory, 'probe'));
    await probe.handle.close();
    await unlink(probe.path);
  } catch (error) {
    throw new UsageError(`${option} ${path}: cannot create a file in ${directory}: ${describeFileError(error)}`);
  }
}

/** Throw a UsageError naming `option` and `path` when a file cannot be written there. */
export async function checkOutputPath(path: string, option: string): Promise<void> {
  await checkTarget(path, option);
  await checkDirectory(path, option);
}
