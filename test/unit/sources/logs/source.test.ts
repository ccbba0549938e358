/**
 * The logs source over real files in a scratch folder: rotated and gzip files in time order, a
 * window found by binary search in a large file, lines out of order, unreadable lines, commands.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceError } from '../../../../src/errors.js';
import { createLogsSource } from '../../../../src/sources/logs/source.js';
import type { LogsSourceSpec } from '../../../../src/sources/logs/spec.js';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0) / 1000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(t: number): string {
  const d = new Date(t * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function accessLine(t: number, status: number, path = '/api/x', rt = 0.1): string {
  return `10.0.0.1 - - [${clf(t)}] "GET ${path} HTTP/1.1" ${status} 12 "-" "test" ${rt}`;
}

const TIMED =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'logs-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(extra: Partial<LogsSourceSpec> = {}): ReturnType<typeof createLogsSource> {
  return createLogsSource({
    type: 'logs',
    name: 'web',
    files: [join(dir, 'access.log*')],
    format: TIMED,
    timeout: 10,
    ...extra,
  });
}

const total = (points: { v: number }[]): number => points.reduce((sum, p) => sum + p.v, 0);

describe('the logs source', () => {
  test('reads rotated .2.gz, .1 and the current file in time order; a point counts the lines of its step', async () => {
    // One line per second: 10:00-10:10 in .2.gz, 10:10-10:20 in .1, 10:20-10:30 current.
    const part = (from: number, status: (t: number) => number): string =>
      Array.from({ length: 600 }, (_, i) => accessLine(from + i, status(from + i))).join('\n') + '\n';
    writeFileSync(join(dir, 'access.log.2.gz'), gzipSync(part(T0, () => 200)));
    writeFileSync(
      join(dir, 'access.log.1'),
      part(T0 + 600, (t) => (t % 10 === 0 ? 500 : 200)),
    );
    writeFileSync(
      join(dir, 'access.log'),
      part(T0 + 1200, () => 200),
    );
    utimesSync(join(dir, 'access.log.2.gz'), T0 + 600, T0 + 600);
    utimesSync(join(dir, 'access.log.1'), T0 + 1200, T0 + 1200);
    utimesSync(join(dir, 'access.log'), T0 + 1800, T0 + 1800);
    const logs = source();
    const range = { start: T0 + 60, end: T0 + 1800, step: 60 };
    const [all, errors] = await Promise.all([logs.fetchRange('{}', range), logs.fetchRange('{status=~"5.."}', range)]);
    // Points at T0+60 .. T0+1800 count (t-60, t]: every line after T0 (line T0 itself is before the first step).
    expect(all.series[0]?.points).toHaveLength(30);
    expect(total(all.series[0]!.points)).toBe(1799);
    expect(total(errors.series[0]!.points)).toBe(60);
    expect(errors.series[0]!.points.find((p) => p.t === T0 + 720)?.v).toBe(6);
    expect(all.warnings).toEqual([]);
  });

  test('a window at the end of a large file is found by time, and lines a little out of order still count', async () => {
    const lines: string[] = [];
    for (let t = T0; t < T0 + 6 * 3600; t += 0.25) lines.push(accessLine(Math.floor(t), 200));
    // nginx writes a line at the end of its request: a slow request's line comes after later ones.
    lines.push(accessLine(T0 + 6 * 3600 - 30, 504), accessLine(T0 + 6 * 3600 - 1, 200));
    writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
    const range = { start: T0 + 6 * 3600 - 600, end: T0 + 6 * 3600, step: 60 };
    const errors = await source().fetchRange('{status="504"}', range);
    expect(total(errors.series[0]!.points)).toBe(1);
    const values = await source().fetchRange('request_time{}', { ...range, start: T0 + 6 * 3600 - 60 });
    expect(values.series[0]!.points).toHaveLength(60 * 4 + 2);
  });

  test('by folds ids in paths; unreadable lines are named with their line numbers', async () => {
    // The log begins before the first step (T0, T0 + 60]: that step is covered.
    const lines = [
      accessLine(T0 - 5, 200, '/orders'),
      accessLine(T0 + 10, 200, '/users/1'),
      'garbage',
      accessLine(T0 + 20, 200, '/users/22'),
      accessLine(T0 + 30, 200, '/orders'),
    ];
    for (let i = 0; i < 30; i++) lines.push(accessLine(T0 + 40 + i, 200, '/orders'));
    writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
    const result = await source().fetchRange('{} by (path)', { start: T0 + 60, end: T0 + 120, step: 60 });
    expect(result.series.map((s) => [s.labels.path, total(s.points)])).toEqual([
      ['/users/:id', 2],
      ['/orders', 31],
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^1 of 34 log lines .* do not parse as the nginx log_format and were left out \(first: access\.log:3: "garbage"\)$/,
      ),
    ]);
  });

  test('more than 10% of a window unreadable: a source error naming the first lines', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? `broken ${i}` : accessLine(T0 + i, 200)));
    writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
    const read = source().fetchRange('{}', { start: T0 + 60, end: T0 + 60, step: 60 });
    await expect(read).rejects.toThrow(SourceError);
    await expect(read).rejects.toThrow(
      /6 of 19 lines \(31\.6%\) .* do not parse .* over the 10% allowed \(first: access\.log:4: "broken 3"/,
    );
  });

  test('no file matching the glob, or a missing file, is a source error naming it', async () => {
    await expect(source().fetchRange('{}', { start: T0, end: T0 + 60, step: 60 })).rejects.toThrow(
      `no log file matches ${join(dir, 'access.log*')}`,
    );
    const missing = source({ files: [join(dir, 'nope.log')] }).fetchRange('{}', { start: T0, end: T0 + 60, step: 60 });
    await expect(missing).rejects.toThrow(`cannot read log file ${join(dir, 'nope.log')}: no such file`);
  });

  test('commands: several merged, a failing one named with its credentials masked', async () => {
    writeFileSync(
      join(dir, 'a.log'),
      [accessLine(T0 - 5, 500), accessLine(T0 + 10, 500), accessLine(T0 + 50, 200)].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'b.log'), [accessLine(T0 + 30, 500)].join('\n') + '\n');
    const two = createLogsSource({
      type: 'logs',
      name: 'fleet',
      command: [
        ['cat', join(dir, 'a.log')],
        ['cat', join(dir, 'b.log')],
      ],
      format: TIMED,
      timeout: 10,
    });
    const errors = await two.fetchRange('{status="500"}', { start: T0 + 60, end: T0 + 60, step: 60 });
    expect(total(errors.series[0]!.points)).toBe(2);
    const failing = createLogsSource({
      type: 'logs',
      name: 'fleet',
      command: [['sh', '-c', 'echo nope >&2; exit 7', '--token', 's3cr3t-value']],
      format: TIMED,
      timeout: 10,
    });
    const read = failing.fetchRange('{}', { start: T0, end: T0 + 60, step: 60 });
    await expect(read).rejects.toThrow('the command "sh -c echo nope >&2; exit 7 --token ***" exited with 7: nope');
  });

  test('signatures: one series per masked message, and the new one is named with its counts', async () => {
    const lines: string[] = [];
    for (let t = T0; t < T0 + 1800; t += 10)
      lines.push(JSON.stringify({ time: t, level: 'error', msg: `db timeout after ${t % 97} ms` }));
    for (let t = T0 + 1800; t < T0 + 2400; t += 10) {
      lines.push(JSON.stringify({ time: t, level: 'error', msg: `db timeout after ${t % 97} ms` }));
      lines.push(
        JSON.stringify({
          time: t + 1,
          level: 'error',
          msg: `TypeError: cannot read properties of undefined (reading '${t}')`,
        }),
      );
    }
    writeFileSync(join(dir, 'app.log'), lines.join('\n') + '\n');
    const app = createLogsSource({
      type: 'logs',
      name: 'app',
      files: [join(dir, 'app.log')],
      format: 'json',
      timeout: 10,
    });
    const query = 'signatures({level="error"}[1m], msg)';
    const [before, after] = await Promise.all([
      app.fetchRange(query, { start: T0 + 60, end: T0 + 1800, step: 60 }),
      app.fetchRange(query, { start: T0 + 1860, end: T0 + 2400, step: 60 }),
    ]);
    expect(before.series.map((s) => s.labels.signature)).toEqual(['(every matching line)', 'db timeout after :num ms']);
    expect(after.series.map((s) => s.labels.signature)).toContain(
      "TypeError: cannot read properties of undefined (reading ':str')",
    );
    expect(after.warnings).toEqual([
      "new since the deploy: `TypeError: cannot read properties of undefined (reading ':str')`, 60 times in 10m, 0 in the 30m before",
    ]);
  });

  test('what `check` shows of a read: lines, share parsed, times, the fields of the first line, the matches', async () => {
    const lines = [accessLine(T0 - 5, 200), 'garbage', accessLine(T0 + 10, 500), accessLine(T0 + 70, 200)];
    writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
    const result = await source().fetchRange('{status="500"}', { start: T0 + 60, end: T0 + 120, step: 60 });
    expect(result.facts).toEqual([
      'read 4 lines from access.log (75% parsed), times 2026-11-26T09:59:55Z .. 2026-11-26T10:01:10Z',
      'fields of the first parsed line: remote_addr="10.0.0.1" remote_user="-" time_local="26/Nov/2026:09:59:55 +0000" request="GET /api/x HTTP/1.1" status="200" body_bytes_sent="12" http_referer="-" http_user_agent="test" request_time="0.1" method="GET" path="/api/x" protocol="HTTP/1.1"',
      '{status="500"} matched 1 of the 2 lines in its range',
    ]);
  });

  test('a log last written before the range is named in what `check` shows, and gives no points', async () => {
    writeFileSync(join(dir, 'access.log'), accessLine(T0, 200) + '\n');
    utimesSync(join(dir, 'access.log'), T0, T0);
    const result = await source().fetchRange('{}', { start: T0 + 3600, end: T0 + 7200, step: 60 });
    expect(result.series.map((s) => s.points.length)).toEqual([0]);
    expect(result.facts?.slice(0, 2)).toEqual([
      'read 0 lines from no file',
      'access.log was last written at 2026-11-26T10:00:00Z, before this range: is the log still written there?',
    ]);
  });
});
