/**
 * One read of a whole log file through the logs source's pass (parse, select 5xx, count per step),
 * in its own process so its peak memory (maxRSS) is its own. Prints JSON.
 * Usage: node .bench-build/bench/logs/full-pass.js <file> <format> <start> <end>
 */
import { createAggregator } from '../../src/sources/logs/aggregate.js';
import { compileFormat } from '../../src/sources/logs/line-format.js';
import { listFiles } from '../../src/sources/logs/inputs.js';
import { readPass, type PassConsumer } from '../../src/sources/logs/pass.js';
import { parseLogsQuery } from '../../src/sources/logs/query.js';

const [file, format, start, end] = process.argv.slice(2) as [string, string, string, string];
const range = { start: Number(start), end: Number(end), step: 60 };
const aggregator = createAggregator(parseLogsQuery('{status=~"5.."}'), range, 'bench');
const consumer: PassConsumer = {
  start: aggregator.start,
  end: aggregator.end,
  lines: 0,
  unparsed: 0,
  onLine: (line, raw) => aggregator.add(line, raw),
};
const began = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const inputs = await listFiles([file], '/');
const report = await readPass(inputs, compileFormat(format).parse, range.start, range.end, [consumer], 60);
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const errors = aggregator
  .series({ from: range.start - 60, to: range.end })
  .reduce((n, s) => n + s.points.reduce((m, p) => m + p.v, 0), 0);
process.stdout.write(
  JSON.stringify({
    read: report.read,
    parsed: report.parsed,
    errors,
    cpuSeconds,
    seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
