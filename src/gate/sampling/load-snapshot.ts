/** Read a snapshot file for `run --baseline-from` and make sure it was taken from this spec. */
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import type { Spec } from '../../spec-model.js';
import type { Snapshot } from './snapshot-format.js';
import { parseSnapshot } from './parse-snapshot.js';
import { hashSampledSpec, shortHash } from './snapshot-spec-hash.js';

/** Snapshots hold a few thousand samples; a much bigger file is the wrong file. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** Load and check a snapshot; every problem is a UsageError (exit 2) naming the file. */
export async function loadSnapshot(path: string, spec: Spec): Promise<Snapshot> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_SNAPSHOT_BYTES)
      throw new UsageError(`the snapshot ${path} is over 64 MiB: check that this is the right file`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the snapshot ${path}: ${code === 'ENOENT' ? 'no such file (take one before the deploy with `verify-deploy snapshot <spec> --out <file>`)' : (code ?? 'unknown error')}`,
    );
  }
  let snapshot: Snapshot;
  try {
    snapshot = parseSnapshot(text);
  } catch (error) {
    throw new UsageError(`cannot use the snapshot ${path}: ${(error as Error).message}`);
  }
  assertSameSpec(snapshot, spec, path);
  return snapshot;
}

/** A snapshot of other sources or checks would compare different things: refuse it, naming both hashes. */
export function assertSameSpec(snapshot: Snapshot, spec: Spec, path: string): void {
  const expected = hashSampledSpec(spec);
  if (snapshot.specHash === expected) return;
  throw new UsageError(
    `the snapshot ${path} was taken from another spec${snapshot.specName ? ` ("${snapshot.specName}")` : ''}: ` +
      `its hash is ${shortHash(snapshot.specHash)}, this spec's is ${shortHash(expected)}. ` +
      'The sampled sources or the checks that read them changed since; take a new snapshot before the deploy.',
  );
}
