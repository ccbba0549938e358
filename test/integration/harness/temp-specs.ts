/** A temporary folder per test file for the specs it writes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpecDir {
  /** Writes `text` to `<dir>/<fileName>` and returns the path. */
  write(fileName: string, text: string): string;
  remove(): void;
}

/** Creates the folder; call remove() in afterAll. */
export function createSpecDir(): SpecDir {
  const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-specs-'));
  return {
    write(fileName, text) {
      const file = join(dir, fileName);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
