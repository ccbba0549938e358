/** Files written whole or not at all, never through a link planted at the target. */
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../../src/output/write-file-atomically.js';

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vd-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('writes a new file and replaces an old one, keeping its permissions', async () => {
    const target = join(dir, 'gate.json');
    await writeFileAtomically(target, 'first');
    expect(await readFile(target, 'utf8')).toBe('first');
    await chmod(target, 0o600);
    await writeFileAtomically(target, 'second');
    expect(await readFile(target, 'utf8')).toBe('second');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['gate.json']);
  });

  test('replaces a symbolic link at the target instead of writing through it', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'keep me');
    const target = join(dir, 'gate.json');
    await symlink(victim, target);
    await writeFileAtomically(target, 'report');
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect((await lstat(target)).isSymbolicLink()).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('report');
  });

  test('a write that fails leaves the old file as it was and no temporary file', async () => {
    // rename() of a file onto a non-empty directory fails after the text was written.
    const target = join(dir, 'gate.json');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomically(target, 'report')).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/),
    });
    expect(await readdir(dir)).toEqual(['gate.json']);
  });
});
