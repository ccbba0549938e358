/**
 * What `npm pack` ships: the license text package.json names, every file the README links to (or
 * absolute URLs), the built CLI, and no install-time script (a package that needs no build on
 * install; a clone's `npm ci` still builds through `prepare`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './harness/run-cli.js';

describe('the packed package', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vd-pack-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as [{ filename: string }];
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
    root = join(dir, 'package');
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the Apache-2.0 license text package.json names', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(manifest.license).toBe('Apache-2.0');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toContain('Apache License');
    expect(license).toContain('Version 2.0, January 2004');
  });

  it('every relative link of the README resolves inside the package', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#'))
      .map((href) => href.split('#')[0]!);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !existsSync(join(root, target)))).toEqual([]);
  });

  it('needs no build on install: the CLI is built, no install-time script is declared', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts?.[hook]).toBeUndefined();
    expect(existsSync(join(root, 'dist', 'cli', 'main.js')) || existsSync(join(root, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(root, 'bin', 'verify-deploy.js'))).toBe(true);
    // The clone keeps building on npm ci.
    const own = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(own.scripts.prepare).toBe('npm run build');
  });
});
