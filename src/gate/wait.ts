/**
 * Wait for the post window to end, showing progress on stderr; an interrupt ends the wait early.
 *
 * Progress says where the wait is on the run's one clock, the time after the deploy ("2m10s of 11m00s
 * after the deploy": src/time/moment.ts), and, with looks, the state of
 * each watched check. On a terminal it is one line rewritten in place; elsewhere (CI logs) a plain
 * line per look, or every `progressEverySeconds` without looks, so a log is readable afterwards.
 */
import { sanitizeText } from '../sanitize-text.js';
import { formatAfterDeploy, formatElapsed, formatMoment } from '../time/moment.js';

export interface WaitIO {
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  /** Terminal width, to keep the in-place line on one row; absent: 120. */
  stderrColumns?: number;
  now: () => number;
  signal: AbortSignal;
}

/** Looks taken while waiting (early-stop.ts): each reports the checks' state and may end the wait. */
export interface WaitLooks {
  everySeconds: number;
  look(): Promise<{ stop: boolean; line: string }>;
}

/** The post window and the deploy (unix seconds), for the position in the progress line. */
export interface PostWindow {
  start: number;
  end: number;
  deployedAt: number;
}

/** How the wait ended. */
export type WaitOutcome = 'reached' | 'stopped' | 'interrupted';

const DEFAULT_COLUMNS = 120;
/** Erase the terminal line before rewriting it, so a shorter line leaves no tail behind. */
const REWRITE_LINE = '\r\x1b[2K';

/**
 * Resolves when `until` (unix seconds) is reached, a look stops the wait, or the signal aborts.
 * With looks, the first is taken at once and then every `looks.everySeconds`.
 */
export async function waitForPostWindow(
  until: number,
  io: WaitIO,
  post: PostWindow,
  looks?: WaitLooks,
  progressEverySeconds = 15,
): Promise<WaitOutcome> {
  const total = until - io.now();
  if (total <= 0) return 'reached';
  const after = (at: number): string => formatElapsed(at - post.deployedAt);
  io.stderr(
    `waiting ${formatElapsed(total)}, until ${formatMoment(until, post.deployedAt)}; the post window runs from ${after(post.start)} to ${after(post.end)} after the deploy\n`,
  );
  const show = progressWriter(io);
  let nextLook = io.now();
  let nextPlain = io.now() + progressEverySeconds;
  let state = '';
  while (!io.signal.aborted) {
    const now = io.now();
    if (now >= until) break;
    if (looks && now >= nextLook) {
      const seen = await looks.look();
      if (io.signal.aborted) break;
      state = seen.line;
      show(`${describePosition(io.now(), post)} ${state}`, true);
      if (seen.stop) {
        show.end();
        return 'stopped';
      }
      nextLook = io.now() + looks.everySeconds;
      continue;
    }
    if (io.stderrIsTTY) show(`${describePosition(now, post)} ${state}`.trimEnd(), false);
    else if (!looks && now >= nextPlain) {
      show(describePosition(now, post), true);
      nextPlain = now + progressEverySeconds;
    }
    const toNext = Math.min(looks ? nextLook - now : Infinity, io.stderrIsTTY ? 1 : nextPlain - now);
    await sleep(Math.max(0.05, Math.min(until - now, toNext)) * 1000, io.signal);
  }
  show.end();
  return io.signal.aborted ? 'interrupted' : 'reached';
}

/**
 * "[2m10s of 11m00s after the deploy]": now and the post window's end on the one clock; during
 * the warmup "[20s after the deploy, warmup until 1m00s]".
 */
export function describePosition(now: number, post: PostWindow): string {
  const after = (at: number): string => formatElapsed(at - post.deployedAt);
  if (now < post.start) return `[${formatAfterDeploy(now, post.deployedAt)}, warmup until ${after(post.start)}]`;
  return `[${after(Math.min(now, post.end))} of ${formatAfterDeploy(post.end, post.deployedAt)}]`;
}

interface ProgressWriter {
  /** Show a line: rewritten in place on a terminal; elsewhere written only when `log` is set. */
  (line: string, log: boolean): void;
  /** End the in-place line, so what follows starts on a fresh one. */
  end(): void;
}

function progressWriter(io: WaitIO): ProgressWriter {
  let open = false;
  const width = Math.max(20, (io.stderrColumns ?? DEFAULT_COLUMNS) - 1);
  const write = (text: string, log: boolean): void => {
    // One line whatever a look put in it: no line break or control of its own reaches the stream.
    const line = sanitizeText(text);
    if (io.stderrIsTTY) {
      io.stderr(`${REWRITE_LINE}${truncate(line, width)}`);
      open = true;
    } else if (log) {
      io.stderr(`${line}\n`);
    }
  };
  write.end = (): void => {
    if (open) io.stderr('\n');
    open = false;
  };
  return write;
}

function truncate(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
