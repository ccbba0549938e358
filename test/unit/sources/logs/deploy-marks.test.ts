/**
 * deploy.detect on a logs source: `match` (a selector over the line's fields, or a regex searched
 * in the whole line) marks one deploy per matching line, read from real files in a scratch folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../../../src/errors.js';
import { createLogsSource } from '../../../../src/sources/logs/source.js';
import type { LogsSourceSpec } from '../../../../src/sources/logs/spec.js';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0) / 1000;
const iso = (t: number): string => new Date(t * 1000).toISOString();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'logs-marks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(extra: Partial<LogsSourceSpec> = {}): ReturnType<typeof createLogsSource> {
  return createLogsSource({
    type: 'logs',
    name: 'app',
    files: [join(dir, 'app.log')],
    format: 'logfmt',
    timeout: 10,
    ...extra,
  });
}

/** One logfmt line a second for an hour; deploy lines at +600s (1.4.2) and +2400s (1.4.3). */
function writeAppLog(): void {
  const lines: string[] = [];
  for (let i = 0; i < 3600; i++) {
    const t = T0 + i;
    const msg =
      i === 600
        ? 'deployed version 1.4.2'
        : i === 2400
          ? 'deployed version 1.4.3 token=hunter2-secret'
          : 'request served';
    lines.push(`time=${iso(t)} level=info msg="${msg}"`);
  }
  writeFileSync(join(dir, 'app.log'), lines.join('\n') + '\n');
}

const range = { start: T0, end: T0 + 3600, step: 4 };

describe('findDeployMarks on a logs source', () => {
  test('a selector on the message gives one log-line mark per matching line, oldest first', async () => {
    writeAppLog();
    const marks = await source().findDeployMarks!({ match: '{msg=~"deployed version .*"}' }, range);
    expect(marks.map((m) => [m.at, m.how])).toEqual([
      [T0 + 600, 'log-line'],
      [T0 + 2400, 'log-line'],
    ]);
    expect(marks[0]!.detail).toContain('deployed version 1.4.2');
    expect(marks[0]!.detail).toContain('app.log');
  });

  test('a plain regex is searched in the whole line; only lines inside the range count', async () => {
    writeAppLog();
    const marks = await source().findDeployMarks!(
      { match: 'deployed version \\d' },
      { start: T0 + 1000, end: T0 + 3600, step: 4 },
    );
    expect(marks.map((m) => m.at)).toEqual([T0 + 2400]);
  });

  test('credentials in a matched line are masked in the detail', async () => {
    writeAppLog();
    const marks = await source().findDeployMarks!({ match: '1\\.4\\.3' }, range);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.detail).not.toContain('hunter2-secret');
  });

  test('nothing matching is no mark (the gate says what was searched)', async () => {
    writeAppLog();
    expect(await source().findDeployMarks!({ match: '{msg="rolled out"}' }, range)).toEqual([]);
  });

  test('a match that cannot be read, or a query instead of a match, is a usage error naming it', async () => {
    writeAppLog();
    await expect(source().findDeployMarks!({ match: '{msg=~"("}' }, range)).rejects.toThrow(UsageError);
    await expect(source().findDeployMarks!({ match: '{msg=~"("}' }, range)).rejects.toThrow(/\{msg=~"\("\}/);
    await expect(source().findDeployMarks!({ query: 'up' }, range)).rejects.toThrow(/needs "match"/);
  });

  test('a match on nearly every line is refused rather than held in memory', async () => {
    writeAppLog();
    await expect(source().findDeployMarks!({ match: '{level="info"}' }, range)).rejects.toThrow(/matched more than/);
  });
});
