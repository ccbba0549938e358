/** `init` writes starters that validate as written, and keeps an existing file. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCommand } from '../../../src/init/command.js';
import { renderStarterSpec, STARTER_SOURCES } from '../../../src/init/templates.js';
import { findSpecWarnings } from '../../../src/spec-file/spec-warnings.js';
import { parse } from './helpers.js';

const io = () => {
  const out: string[] = [];
  return {
    out,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: () => undefined,
      env: {},
      now: () => 0,
      stderrIsTTY: false,
      color: false,
      unicode: false,
      signal: new AbortController().signal,
    },
  };
};

describe('init', () => {
  it.each(STARTER_SOURCES)('the %s starter is a valid, commented spec', (source) => {
    const text = renderStarterSpec(source);
    const { spec, issues } = parse(text, {});
    expect(issues).toEqual([]);
    expect(spec?.checks.length).toBeGreaterThanOrEqual(2);
    expect(Object.values(spec?.sources ?? {}).map((s) => s.type)).toEqual([source]);
    expect(text.split('\n').filter((line) => line.includes('# ')).length).toBeGreaterThan(5);
    // A starter teaches by example: no overlapping rate() windows, counts that count each step once.
    expect(findSpecWarnings(spec!)).toEqual([]);
  });

  it('the prometheus starter judges errors as counts, the way the README recommends', () => {
    const { spec } = parse(renderStarterSpec('prometheus'), {});
    const errors = spec?.checks.find((c) => c.name === 'errors');
    expect([errors?.numerator !== undefined, errors?.denominator !== undefined, errors?.step]).toEqual([
      true,
      true,
      60,
    ]);
  });

  it('the prometheus starter reads ${PROMETHEUS_URL} as the README quickstart does, with a default', async () => {
    const text = renderStarterSpec('prometheus');
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const quickstart = readme.slice(readme.indexOf('## Quickstart'), readme.indexOf('## Commands'));
    const url = (doc: string): string | undefined => /^\s*url: (\S+)/m.exec(doc)?.[1];
    expect(url(text)).toBe('${PROMETHEUS_URL:-http://localhost:9090}');
    expect(url(quickstart)).toBe(url(text));
    const prom = (vars: Record<string, string>) => parse(text, vars).spec?.sources.prom as { url: string } | undefined;
    expect(prom({})?.url).toBe('http://localhost:9090');
    expect(prom({ PROMETHEUS_URL: 'http://prom.internal:9090' })?.url).toBe('http://prom.internal:9090');
  });

  it('writes the file, refuses to overwrite it without --force, and prints with --out -', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vd-init-'));
    try {
      const out = join(dir, 'verify.yaml');
      const first = io();
      expect(await initCommand({ source: 'http', out, force: false }, first.io)).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(renderStarterSpec('http'));
      await writeFile(out, 'mine');
      await expect(initCommand({ source: 'http', out, force: false }, io().io)).rejects.toThrow(
        'already exists: pass --force',
      );
      expect(await readFile(out, 'utf8')).toBe('mine');
      expect(await initCommand({ source: 'scrape', out, force: true }, io().io)).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(renderStarterSpec('scrape'));
      const printed = io();
      await initCommand({ source: 'prometheus', out: '-', force: false }, printed.io);
      expect(printed.out.join('')).toBe(renderStarterSpec('prometheus'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
