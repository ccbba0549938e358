/** File globs (`*`, `?`, `[...]` in any path segment, `**` for any depth), without a dependency. */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** The files a glob matches, absolute; a glob without wildcards is its own path (missing or not). */
export async function expandGlob(pattern: string, baseDir: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  if (!/[*?[]/.test(absolute)) return [absolute];
  const parts = absolute.split('/');
  let prefix = '/';
  let index = 1;
  while (index < parts.length && !/[*?[]/.test(parts[index] as string)) prefix = join(prefix, parts[index++] as string);
  const found: string[] = [];
  await walk(prefix, parts.slice(index), found);
  return found.sort();
}

async function walk(dir: string, rest: readonly string[], found: string[]): Promise<void> {
  const [head, ...tail] = rest;
  if (head === undefined) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isFile()) found.push(dir);
    return;
  }
  if (head === '**') {
    await walk(dir, tail, found);
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => []))
      if (entry.isDirectory()) await walk(join(dir, entry.name), rest, found);
    return;
  }
  if (!/[*?[]/.test(head)) return walk(join(dir, head), tail, found);
  const regex = segmentRegex(head);
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!regex.test(entry.name) || (entry.name.startsWith('.') && !head.startsWith('.'))) continue;
    await walk(join(dir, entry.name), tail, found);
  }
}

function segmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${segment
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
