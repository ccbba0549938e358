/**
 * `deploy.detect` on a logs source: `match` names the lines that say a deploy happened, either a
 * selector over the line's fields (`{msg=~"deployed version .*"}`, as in checks) or a regex
 * searched anywhere in the raw line (`deployed version \d+`). Every matching line whose time is in
 * the range is one mark (`how: 'log-line'`), read with the source's one-pass reader (binary search
 * by time into plain files, bounded memory); the gate groups the marks and takes the last.
 */
import { UsageError } from '../../errors.js';
import { ExpressionError } from '../../fields/text-cursor.js';
import { redact } from '../../redact.js';
import type { TimeRange } from '../../types.js';
import type { DeployMark, DeployProbe } from '../types.js';
import type { LogInput } from './inputs.js';
import type { LineParser, ParsedLine } from './line-format.js';
import { readPass, type PassConsumer } from './pass.js';
import { parseDetectMatch } from './detect-match.js';
import { matches } from './selector.js';

/** Marks kept at most: a match on ordinary traffic is refused, not held in memory. */
export const MAX_MARKS = 1000;
/** Characters of a matched line quoted in a mark's detail. */
const QUOTED = 160;

type LineTest = (line: ParsedLine, raw: string) => boolean;

/** The test `match` stands for; a usage error (exit 2) naming it when it cannot be read (the spec loader refuses it first). */
export function compileMatch(match: string, sourceName: string): LineTest {
  try {
    const parsed = parseDetectMatch(match);
    if (parsed.kind === 'selector') {
      const { matchers } = parsed.selector;
      return (line) => matches(line, matchers);
    }
    const { regex } = parsed;
    return (_line, raw) => regex.test(raw);
  } catch (error) {
    const why = error instanceof ExpressionError ? error.message : String(error);
    throw new UsageError(
      `deploy.detect: match \`${redact(match)}\` on source "${sourceName}" cannot be read: ${why} ` +
        '(a selector such as {msg=~"deployed version .*"}, or a regex searched in the whole line)',
    );
  }
}

/** Mask `token=...`, `password: ...` and the like in a quoted line, on top of the usual redaction. */
export function maskLine(raw: string): string {
  const masked = raw.replace(
    /\b([\w.-]*(?:token|password|passwd|secret|api[_-]?key|auth)[\w.-]*)(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi,
    '$1$2***',
  );
  const short = masked.length > QUOTED ? `${masked.slice(0, QUOTED)}...` : masked;
  return redact(short);
}

/** The marks of the lines `probe.match` matches in `range`, oldest first. */
export async function findLogMarks(
  probe: DeployProbe,
  range: TimeRange,
  read: { name: string; inputs: () => Promise<LogInput[]>; parse: LineParser; timeout: number },
  signal?: AbortSignal,
): Promise<DeployMark[]> {
  if (probe.match === undefined)
    throw new UsageError(
      `deploy.detect on source "${read.name}" (logs) needs "match"; "query" is for Prometheus sources`,
    );
  const test = compileMatch(probe.match, read.name);
  const marks: DeployMark[] = [];
  let tooMany = false;
  const inputs = await read.inputs();
  const consumer: PassConsumer = {
    start: range.start,
    end: range.end,
    lines: 0,
    unparsed: 0,
    onLine: (line, raw) => {
      if (tooMany || !test(line, raw)) return;
      if (marks.length >= MAX_MARKS) {
        tooMany = true;
        return;
      }
      marks.push({ at: line.time, how: 'log-line', detail: `line "${maskLine(raw)}"` });
    },
  };
  const report = await readPass(inputs, read.parse, range.start, range.end, [consumer], read.timeout, signal);
  if (tooMany)
    throw new UsageError(
      `deploy.detect: match \`${redact(probe.match)}\` on source "${read.name}" matched more than ${MAX_MARKS} lines; ` +
        'match the line a deploy writes (such as {msg=~"deployed version .*"}), not ordinary traffic',
    );
  const where = report.inputs.length > 0 ? ` in ${report.inputs.join(', ')}` : '';
  return marks.map((m) => ({ ...m, detail: `${m.detail}${where}` })).sort((a, b) => a.at - b.at);
}
