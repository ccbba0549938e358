/** Wait for the post window to end, showing progress on stderr; an interrupt ends the wait early. */
import { formatTime } from '../time/format-time.js';

export interface WaitIO {
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  now: () => number;
  signal: AbortSignal;
}

/** Resolves when `until` (unix seconds) is reached or the signal aborts; returns false when aborted. */
export async function waitForPostWindow(until: number, io: WaitIO, progressEverySeconds = 15): Promise<boolean> {
  const total = until - io.now();
  if (total <= 0) return true;
  io.stderr(`waiting ${formatWait(total)} for the post window to end at ${formatTime(until)}\n`);
  while (!io.signal.aborted) {
    const left = until - io.now();
    if (left <= 0) break;
    if (io.stderrIsTTY) io.stderr(`\r  ${formatWait(left)} left  `);
    await sleep(Math.min(left, io.stderrIsTTY ? 1 : progressEverySeconds) * 1000, io.signal);
    const stillLeft = until - io.now();
    if (!io.stderrIsTTY && stillLeft > 0 && !io.signal.aborted) io.stderr(`  ${formatWait(stillLeft)} left\n`);
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
