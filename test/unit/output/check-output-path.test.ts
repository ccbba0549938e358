/** A path a report or snapshot cannot be written to is refused before any work, naming the path and why. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../../src/errors.js';
import { checkOutputPath } from '../../../src/output/check-output-path.js';

describe('checkOutputPath', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vd-outpath-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'file'), 'x');
    await writeFile(join(dir, 'existing.json'), '{}');
    await symlink(join(dir, 'existing.json'), join(dir, 'link.json'));
    await symlink(join(dir, 'nowhere.json'), join(dir, 'dangling.json'));
    await symlink('/dev/null', join(dir, 'device.json'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each(['new.json', 'existing.json', 'link.json', 'dangling.json', 'sub/new.json'])('accepts %s', async (name) => {
    await expect(checkOutputPath(join(dir, name), '--report')).resolves.toBeUndefined();
  });

  test.each([
    ['a missing directory', 'missing/gate.json', /the directory .*missing does not exist/],
    ['a directory', 'sub', /is a directory/],
    ['a path through a regular file', 'file/gate.json', /is not a directory/],
    ['a link to a device', 'device.json', /link to something that is not a regular file/],
  ])('refuses %s', async (_, name, message) => {
    const path = join(dir, name);
    const refused = checkOutputPath(path, '--report');
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toThrow(`--report ${path}`);
  });

  test('refuses a device itself, and a directory where files cannot be created (/proc refuses root too)', async () => {
    await expect(checkOutputPath('/dev/null', '--out')).rejects.toThrow(/not a regular file/);
    await expect(checkOutputPath('/proc/self/gate.json', '--report')).rejects.toThrow(
      /cannot create a file in \/proc\/self/,
    );
  });
});
