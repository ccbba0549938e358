/**
 * The wait for the post window: progress on stderr (plain lines in a log, one line rewritten in
 * place on a terminal), looks that may stop it, and an interrupt that ends it. The clock is
 * jest's fake one, so a 10-minute wait runs in milliseconds.
 */
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { describePosition, waitForPostWindow, type WaitIO, type WaitLooks } from '../../../src/gate/wait.js';

const START = 1_770_000_000; // a post window starting at this unix second, 10 minutes long
// The deploy a minute before the post window (a 1m warmup): progress times count from it.
const POST = { start: START, end: START + 600, deployedAt: START - 60 };

beforeEach(() => {
  jest.useFakeTimers({ now: START * 1000 });
});
afterEach(() => {
  jest.useRealTimers();
});

function fakeIO(
  options: { tty?: boolean; columns?: number; controller?: AbortController } = {},
): WaitIO & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    stderr: (text) => written.push(text),
    stderrIsTTY: options.tty ?? false,
    ...(options.columns !== undefined ? { stderrColumns: options.columns } : {}),
    now: () => Date.now() / 1000,
    signal: (options.controller ?? new AbortController()).signal,
  };
}

test('in a log (no TTY) without looks: a header, then a plain position line every 15 s, and the wait ends at the window end', async () => {
  const io = fakeIO();
  const waiting = waitForPostWindow(POST.end, io, POST);
  await jest.advanceTimersByTimeAsync(601_000);
  await expect(waiting).resolves.toBe('reached');
  expect(io.written[0]).toBe(
    'waiting 10m00s, until 11m00s after the deploy (02:50:00Z); the post window runs from 1m00s to 11m00s after the deploy\n',
  );
  expect(io.written[1]).toBe('[1m15s of 11m00s after the deploy]\n');
  expect(io.written[2]).toBe('[1m30s of 11m00s after the deploy]\n');
  // One line per 15 s (39 of them before the end), no carriage returns in a log.
  expect(io.written).toHaveLength(40);
  expect(io.written.join('')).not.toContain('\r');
});

test('looks: the first is taken at once, then every everySeconds; each look is one line with the position; a stopping look ends the wait', async () => {
  const io = fakeIO();
  let count = 0;
  const looks: WaitLooks = {
    everySeconds: 30,
    look: async () => {
      count++;
      return count < 3
        ? { stop: false, line: `errors rate +12%, evidence 1.4 of 20 needed` }
        : { stop: true, line: 'errors rate +180%, evidence 25 of 20 needed: certain of a regression, stopping early' };
    },
  };
  const waiting = waitForPostWindow(POST.end, io, POST, looks);
  await jest.advanceTimersByTimeAsync(61_000);
  await expect(waiting).resolves.toBe('stopped');
  expect(count).toBe(3);
  expect(io.written.slice(1)).toEqual([
    '[1m00s of 11m00s after the deploy] errors rate +12%, evidence 1.4 of 20 needed\n',
    '[1m30s of 11m00s after the deploy] errors rate +12%, evidence 1.4 of 20 needed\n',
    '[2m00s of 11m00s after the deploy] errors rate +180%, evidence 25 of 20 needed: certain of a regression, stopping early\n',
  ]);
});

test('on a terminal the line is rewritten in place (erase, rewrite), cut to the width, and closed with a newline', async () => {
  const io = fakeIO({ tty: true, columns: 40 });
  const looks: WaitLooks = {
    everySeconds: 30,
    look: async () => ({ stop: false, line: 'a long state line that does not fit in forty columns' }),
  };
  const waiting = waitForPostWindow(START + 3, io, POST, looks);
  await jest.advanceTimersByTimeAsync(4_000);
  await expect(waiting).resolves.toBe('reached');
  const rewrites = io.written.slice(1, -1);
  expect(rewrites.length).toBeGreaterThan(1);
  for (const text of rewrites) {
    expect(text.startsWith('\r\x1b[2K')).toBe(true);
    // 39 visible characters at most: the last column stays free so the terminal does not wrap.
    expect(text.slice('\r\x1b[2K'.length).length).toBeLessThanOrEqual(39);
    expect(text).not.toContain('\n');
  }
  expect(rewrites[0]).toBe('\r\x1b[2K[1m00s of 11m00s after the deploy] a l…');
  expect(io.written.at(-1)).toBe('\n');
});

test('an interrupt ends the wait at once with "interrupted"', async () => {
  const controller = new AbortController();
  const io = fakeIO({ controller });
  const waiting = waitForPostWindow(POST.end, io, POST);
  await jest.advanceTimersByTimeAsync(5_000);
  controller.abort();
  await expect(waiting).resolves.toBe('interrupted');
});

test('a window already ended: no wait and no output', async () => {
  const io = fakeIO();
  await expect(waitForPostWindow(START - 1, io, POST)).resolves.toBe('reached');
  expect(io.written).toEqual([]);
});

test('before the post window starts, the position is the warmup left', () => {
  expect(describePosition(START - 40, POST)).toBe('[20s after the deploy, warmup until 1m00s]');
  expect(describePosition(START + 130, POST)).toBe('[3m10s of 11m00s after the deploy]');
  // After the end (a late look), the time stops at the window's end.
  expect(describePosition(START + 700, POST)).toBe('[11m00s of 11m00s after the deploy]');
});
