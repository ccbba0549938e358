/** Wait for the post window to end, showing progress on stderr; an interrupt ends the wait early. */
import { formatTime } from '../time/format-time.js';

export interface WaitIO {
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  now: () => number;
  signal: AbortSignal;
}

/** Looks taken while waiting (early-stop.ts): each reports a progress line and may end the wait. */
export interface WaitLooks {
  everySeconds: number;
  look(): Promise<{ stop: boolean; line: string }>;
}

/**
 * Resolves when `until` (unix seconds) is reached, a look stops the wait, or the signal aborts;
 * returns false when aborted. With looks, the first is taken at once and each look's line
 * (with the time left) replaces the plain "left" lines on a non-terminal stderr.
 */
export async function waitForPostWindow(until: number, io: WaitIO, progressEverySeconds = 15, looks?: WaitLooks): Promise<boolean> {
  const total = until - io.now();
  if (total <= 0) return true;
  io.stderr(`waiting ${formatWait(total)} for the post window to end at ${formatTime(until)}\n`);
  let nextLook = io.now();
  while (!io.signal.aborted) {
    const left = until - io.now();
    if (left <= 0) break;
    if (looks && io.now() >= nextLook) {
      const seen = await looks.look();
      if (io.signal.aborted) break;
      io.stderr(`${io.stderrIsTTY ? '\r' : ''}  ${seen.line}; ${formatWait(Math.max(0, until - io.now()))} left\n`);
      if (seen.stop) return true;
      nextLook = io.now() + looks.everySeconds;
      continue;
    }
    if (io.stderrIsTTY) io.stderr(`\r  ${formatWait(left)} left  `);
    const toLook = looks ? Math.max(0.05, nextLook - io.now()) : Infinity;
    await sleep(Math.min(left, io.stderrIsTTY ? 1 : progressEverySeconds, toLook) * 1000, io.signal);
    const stillLeft = until - io.now();
    if (!looks && !io.stderrIsTTY && stillLeft > 0 && !io.signal.aborted) io.stderr(`  ${formatWait(stillLeft)} left\n`);
  }
  if (io.stderrIsTTY) io.stderr('\n');
  return !io.signal.aborted;
}

function formatWait(seconds: number): string {
  const s = Math.ceil(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
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
