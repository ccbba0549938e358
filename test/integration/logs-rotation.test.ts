/**
 * A logs source followed while `run` waits for its post window, through the built CLI: a writer
 * appends nginx combined lines to `access.log` eight times a second (1 in 50 a 500, before and
 * after the deploy alike), the gate waits for a 24 s post window, and 8 s into it the file is
 * (a) rotated as logrotate does (`access.log` renamed to `access.log.1`, a new `access.log`
 * created, the writer still writing to the renamed file for a second before it reopens the path)
 * or (b) copied and truncated in place (`copytruncate`; the writer's append handle goes on at the
 * new end). The run must read the lines of both files / after the truncation, as `tail -F` does:
 * the candidate's request count is every line written in the post window, and healthy traffic
 * passes, never an error. The two runs wait side by side (own folder, writer and CLI each), so
 * the file takes one post window, not two.
 */
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  renameSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PER_SECOND = 8;
const STEP_SECONDS = 4;
const BASELINE_SECONDS = 120;
const POST_SECONDS = 24;
const TURN_AFTER_MS = 8_000;
/** The run takes the post window and a little more; jest's default 60 s is tight on a loaded machine. */
const TEST_MS = 90_000;

function clf(t: number): string {
  const d = new Date(t * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

afterAll(() => specs.remove());

/** Lines written, by the second of their timestamp. */
type Written = Map<number, number>;

/** The line `n` (every 50th a 500) stamped at `t`. */
function line(n: number, t: number): string {
  return `10.0.0.${(n % 4) + 1} - - [${clf(t)}] "GET /api/cart HTTP/1.1" ${n % 50 === 0 ? 500 : 200} 512 "-" "curl/8.5.0"\n`;
}

/**
 * A live access log in `dir`: the baseline minutes written at once, then `PER_SECOND` lines a second
 * through `fd()` (so a test may swap the handle, as nginx does on reopen) until `stop()`.
 */
function startWriter(dir: string): {
  written: Written;
  setFd: (fd: number) => void;
  fd: () => number;
  stop: () => void;
} {
  const path = join(dir, 'access.log');
  const written: Written = new Map();
  const now = Math.floor(Date.now() / 1000);
  let n = 0;
  const history: string[] = [];
  for (let t = now - BASELINE_SECONDS; t < now; t++)
    for (let k = 0; k < PER_SECOND; k++) {
      history.push(line(n++, t));
      written.set(t, (written.get(t) ?? 0) + 1);
    }
  writeFileSync(path, history.join(''));
  let fd = openSync(path, 'a');
  const timer = setInterval(() => {
    const t = Math.floor(Date.now() / 1000);
    writeSync(fd, line(n++, t));
    written.set(t, (written.get(t) ?? 0) + 1);
  }, 1000 / PER_SECOND);
  return {
    written,
    setFd: (next) => (fd = next),
    fd: () => fd,
    stop: () => {
      clearInterval(timer);
      closeSync(fd);
    },
  };
}

function spec(dir: string): string {
  return specs.write(
    `rotation-${dir.split('/').pop() ?? 'x'}.yaml`,
    `version: 1
name: logs followed while waiting
deploy: { warmup: 0s }
baseline: { window: ${BASELINE_SECONDS - 10}s }
post: { window: ${POST_SECONDS}s }
defaults: { step: ${STEP_SECONDS}s, minSamples: 3 }
sources:
  web:
    type: logs
    files: ${join(dir, 'access.log*')}
checks:
  - name: server errors
    source: web
    numerator: '{status=~"5.."}'
    denominator: '{}'
    direction: increase
`,
  );
}

interface CountSummary {
  n: number;
  events?: number;
  trials?: number;
}

/** Run the gate on a live log; `turn` rotates or truncates it 8 s into the wait. */
async function runWhile(name: string, turn: (dir: string, writer: ReturnType<typeof startWriter>) => void) {
  const dir = join(dirname(specs.write('placeholder', '')), name);
  mkdirSync(dir);
  const writer = startWriter(dir);
  const turnTimer = setTimeout(() => turn(dir, writer), TURN_AFTER_MS);
  try {
    const result = await runCli(['run', spec(dir), '--deployed-at', 'now', '--format', 'json'], {}, undefined, {
      ms: 75_000,
    });
    return { result, written: writer.written };
  } finally {
    clearTimeout(turnTimer);
    writer.stop();
  }
}

/** Lines written with a time in [start, end] (the report's post window). */
function writtenIn(written: Written, start: string, end: string): number {
  const from = Date.parse(start) / 1000;
  const to = Date.parse(end) / 1000;
  let count = 0;
  for (const [t, lines] of written) if (t >= from && t <= to) count += lines;
  return count;
}

function expectFollowed(
  outcome: Awaited<ReturnType<typeof runWhile>>,
  turnedAt: number,
): { candidate: CountSummary; inPost: number } {
  const { result, written } = outcome;
  expect(result.hitDeadline).toBe(false);
  const report = parseReport(result) as unknown as {
    verdict: string;
    windows: { post: { start: string; end: string } };
    checks: { verdict: string; error?: string; series: { candidate: CountSummary }[] }[];
  };
  expect(report.checks[0]?.error).toBeUndefined();
  expect(result.stderr).not.toMatch(/cannot read log file|no log file matches/);
  const candidate = report.checks[0]?.series[0]?.candidate as CountSummary;
  const inPost = writtenIn(written, report.windows.post.start, report.windows.post.end);
  const afterTurn = writtenIn(written, new Date(turnedAt * 1000).toISOString(), report.windows.post.end);
  // Lines after the rotation / truncation are read: without them the count would stop at the turn.
  // Every line of the post window is counted but those of a step cut by its edges.
  expect(afterTurn).toBeGreaterThan(10 * PER_SECOND);
  expect(candidate.trials).toBeGreaterThan(inPost - afterTurn);
  expect(candidate.trials).toBeGreaterThanOrEqual(inPost - STEP_SECONDS * PER_SECOND);
  expect(report.verdict).toBe('pass');
  expect(result.code).toBe(0);
  return { candidate, inPost };
}

test.concurrent(
  'a log rotated like logrotate while the run waits is read from both files; healthy traffic passes',
  async () => {
    let turnedAt = 0;
    const outcome = await runWhile('rotated', (dir, writer) => {
      const path = join(dir, 'access.log');
      turnedAt = Math.ceil(Date.now() / 1000);
      renameSync(path, `${path}.1`);
      closeSync(openSync(path, 'a'));
      // nginx writes to the renamed file until it is told to reopen (postrotate: kill -USR1).
      setTimeout(() => {
        const old = writer.fd();
        writer.setFd(openSync(path, 'a'));
        closeSync(old);
      }, 1000);
    });
    const { candidate, inPost } = expectFollowed(outcome, turnedAt);
    expect(candidate.trials).toBeLessThanOrEqual(inPost);
  },
  TEST_MS,
);

test.concurrent(
  'a log truncated in place (copytruncate) while the run waits is read after the truncation; healthy traffic passes',
  async () => {
    let turnedAt = 0;
    const outcome = await runWhile('truncated', (dir) => {
      const path = join(dir, 'access.log');
      turnedAt = Math.ceil(Date.now() / 1000);
      copyFileSync(path, `${path}.1`);
      truncateSync(path, 0);
    });
    const { candidate, inPost } = expectFollowed(outcome, turnedAt);
    expect(candidate.trials).toBeLessThanOrEqual(inPost);
  },
  TEST_MS,
);
