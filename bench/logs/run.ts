/**
 * `npm run bench:logs`: the logs source's costs on generated access logs in /tmp (deleted after):
 * parse throughput per format on one core, per CPU second so a shared machine does not skew it
 * (parse only, and read + parse + select through the source's pass), a whole 2 GB file in one process (time and peak memory), the built CLI judging
 * a 10-minute post window at the end of that file, and beside them `awk` counting 5xx on the same
 * file and GoAccess parsing (a slice of) it.
 * Usage: node .bench-build/bench/logs/run.js [gigabytes=2] [--end-window-only]
 * (--end-window-only generates the big file and times only the CLI judging its end.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFormat } from '../../src/sources/logs/line-format.js';
import { generate, line, TIMED_FORMAT, type BenchFormat } from './generate.js';

const GIGABYTES = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 2);
const END_WINDOW_ONLY = process.argv.includes('--end-window-only');
const START = Date.UTC(2026, 10, 26, 0, 0, 0) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-bench-logs-'));
const out = (text: string): boolean => process.stdout.write(`${text}\n`);
const rate = (lines: number, seconds: number): string => `${(lines / seconds / 1e6).toFixed(2)} M lines/s`;

function formatOf(format: BenchFormat): string {
  return format === 'timed' ? TIMED_FORMAT : format;
}

function parseOnly(format: BenchFormat): string {
  const lines = Array.from({ length: 1_000_000 }, (_, i) =>
    line(format, START + Math.floor(i / 200), i, clfAt(START + Math.floor(i / 200))),
  );
  const parse = compileFormat(formatOf(format)).parse;
  let five = 0;
  parse(lines[0] as string);
  const before = process.cpuUsage();
  for (const text of lines) if (parse(text)?.get('status')?.startsWith('5')) five++;
  const cpu = process.cpuUsage(before);
  const seconds = (cpu.user + cpu.system) / 1e6;
  if (five === 0) throw new Error('no 5xx parsed: the bench lines do not parse');
  return rate(lines.length, seconds);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function clfAt(t: number): string {
  const d = new Date(t * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

interface FullPass {
  read: number;
  parsed: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
}

function fullPass(file: string, format: BenchFormat, end: number): FullPass {
  const script = join(import.meta.dirname, 'full-pass.js');
  const text = execFileSync(process.execPath, [script, file, formatOf(format), String(START), String(end + 60)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(text) as FullPass;
}

/** Wall and CPU (user + system) seconds and peak memory of a command, by /usr/bin/time. */
function timed(
  command: string,
  args: string[],
): { seconds: number; cpuSeconds: number; stdout: string; maxRssMB: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const [wall, user, system, rss] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) as number[];
  return { seconds: wall!, cpuSeconds: user! + system!, stdout: result.stdout, maxRssMB: rss! / 1024 };
}

try {
  out(`logs source benchmark (node ${process.version}, one process, files in ${dir})`);
  out('');
  if (!END_WINDOW_ONLY) {
    out('| format | parse only | read + parse + select (pass over a file) |');
    out('| --- | --- | --- |');
  }
  for (const format of END_WINDOW_ONLY ? [] : (['combined', 'timed', 'json', 'logfmt'] as const)) {
    const file = join(dir, `${format}.log`);
    const written = generate(file, format, { lines: 2_000_000, start: START, perSecond: 200 });
    const pass = fullPass(file, format, written.end);
    rmSync(file);
    if (pass.parsed !== written.lines) throw new Error(`${format}: ${pass.parsed} of ${written.lines} lines parsed`);
    const name = format === 'timed' ? 'nginx log_format with $request_time' : format;
    out(`| ${name} | ${parseOnly(format)} | ${rate(pass.read, pass.cpuSeconds)} |`);
  }

  const big = join(dir, 'access.log');
  const generatedAt = process.hrtime.bigint();
  const written = generate(big, 'combined', { bytes: GIGABYTES * 1024 ** 3, start: START, perSecond: 200 });
  out('');
  out(
    `${(written.bytes / 1024 ** 3).toFixed(2)} GB combined file: ${written.lines} lines over ${((written.end - START) / 3600).toFixed(1)} h (generated in ${(Number(process.hrtime.bigint() - generatedAt) / 1e9).toFixed(0)} s)`,
  );
  out('');
  out('| what | wall time | CPU time | lines per CPU second | peak memory (maxRSS) |');
  out('| --- | --- | --- | --- | --- |');
  if (!END_WINDOW_ONLY) fullFileRows(big, written);
  endWindowRow(big, written);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function fullFileRows(big: string, written: { lines: number; end: number }): void {
  const pass = fullPass(big, 'combined', written.end);
  out(
    `| verify-deploy pass over the whole file (parse, 5xx per step) | ${pass.seconds.toFixed(1)} s | ${pass.cpuSeconds.toFixed(1)} s | ${rate(pass.read, pass.cpuSeconds)} | ${pass.maxRssMB.toFixed(0)} MB |`,
  );
  const awk = timed('awk', ['$9 ~ /^5/ { n++ } END { print n + 0 }', big]);
  if (Number(awk.stdout.trim()) !== pass.errors) out(`(awk counted ${awk.stdout.trim()} 5xx, the pass ${pass.errors})`);
  out(
    `| awk counting 5xx (LC_ALL=C) | ${awk.seconds.toFixed(1)} s | ${awk.cpuSeconds.toFixed(1)} s | ${rate(written.lines, awk.cpuSeconds)} | ${awk.maxRssMB.toFixed(0)} MB |`,
  );
  const slice = join(dir, 'slice.log');
  const sliceLines = 1_000_000;
  execFileSync('sh', ['-c', `head -n ${sliceLines} "$0" > "$1"`, big, slice]);
  const goaccess = timed('goaccess', [
    slice,
    '--log-format=COMBINED',
    '-o',
    join(dir, 'goaccess.json'),
    '--no-progress',
  ]);
  out(
    `| GoAccess 1.7 (full analysis, JSON report) on the first ${sliceLines / 1e6} M lines | ${goaccess.seconds.toFixed(1)} s | ${goaccess.cpuSeconds.toFixed(1)} s | ${rate(sliceLines, goaccess.cpuSeconds)} | ${goaccess.maxRssMB.toFixed(0)} MB |`,
  );
}

function endWindowRow(big: string, written: { end: number }): void {
  const deployedAt = Math.floor(written.end - 600);
  const spec = join(dir, 'spec.yaml');
  writeFileSync(
    spec,
    [
      'version: 1',
      'baseline: { window: 30m }',
      'post: { window: 10m }',
      'defaults: { step: 30s }',
      'sources:',
      `  web: { type: logs, files: ${big} }`,
      'checks:',
      "  - { name: errors, source: web, numerator: '{status=~\"5..\"}', denominator: '{}', direction: increase }",
      "  - { name: traffic, source: web, numerator: '{}', direction: decrease }",
      '  - { name: api errors by route, source: web, numerator: \'{status=~"5.."}\', denominator: \'{path=~"/api/.*"}\', by: [path], direction: increase, critical: false }',
      '',
    ].join('\n'),
  );
  const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'verify-deploy.js');
  const judged = timed(process.execPath, [bin, 'run', spec, '--deployed-at', String(deployedAt), '--format', 'json']);
  const verdict = (JSON.parse(judged.stdout) as { verdict: string }).verdict;
  out(
    `| verify-deploy run: 30 min baseline + 10 min post window at the end of the file (3 checks, verdict ${verdict}), whole CLI | ${judged.seconds.toFixed(2)} s | ${judged.cpuSeconds.toFixed(2)} s | - | ${judged.maxRssMB.toFixed(0)} MB |`,
  );
}
