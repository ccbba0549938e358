/**
 * Where a time starts in a plain log file: a binary search over byte offsets, each probe reading
 * the first whole line that parses after it. A window at the end of a 2 GB file costs some
 * thirty small reads instead of the file.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

const PROBE = 64 * 1024;
/** Below this gap the search stops: reading it is cheaper than probing it. */
const CLOSE_ENOUGH = 256 * 1024;

export type TimeOf = (line: string) => number | undefined;

/** The offset of a line start at or before the first line whose time is >= `target`. */
export async function seekTime(path: string, size: number, timeOf: TimeOf, target: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    let lo = 0;
    let hi = size;
    while (hi - lo > CLOSE_ENOUGH) {
      const mid = Math.floor((lo + hi) / 2);
      const t = await firstTimeAfter(handle, mid, timeOf);
      if (t !== undefined && t < target) lo = mid;
      else hi = mid;
    }
    return lo === 0 ? 0 : await lineStartAfter(handle, lo);
  } finally {
    await handle.close();
  }
}

/** The first and the last time in a plain file (undefined when none of its head or tail parses). */
export async function fileTimeSpan(
  path: string,
  size: number,
  timeOf: TimeOf,
): Promise<{ first?: number; last?: number }> {
  const handle = await open(path, 'r');
  try {
    const first = await firstTimeAfter(handle, 0, timeOf);
    const start = Math.max(0, size - PROBE);
    const { lines } = await linesAt(handle, start);
    let last: number | undefined;
    for (const line of lines.slice(start === 0 ? 0 : 1)) last = timeOf(line) ?? last;
    return { ...(first !== undefined ? { first } : {}), ...(last !== undefined ? { last } : {}) };
  } finally {
    await handle.close();
  }
}

async function linesAt(handle: FileHandle, offset: number): Promise<{ lines: string[]; bytes: Buffer }> {
  const bytes = Buffer.allocUnsafe(PROBE);
  const { bytesRead } = await handle.read(bytes, 0, PROBE, offset);
  const text = bytes.toString('utf8', 0, bytesRead);
  const lines = text.split('\n');
  if (bytesRead === PROBE) lines.pop();
  return { lines, bytes };
}

async function firstTimeAfter(handle: FileHandle, offset: number, timeOf: TimeOf): Promise<number | undefined> {
  const { lines } = await linesAt(handle, offset);
  for (const line of lines.slice(offset === 0 ? 0 : 1)) {
    const t = timeOf(line);
    if (t !== undefined) return t;
  }
  return undefined;
}

async function lineStartAfter(handle: FileHandle, offset: number): Promise<number> {
  const bytes = Buffer.allocUnsafe(PROBE);
  const { bytesRead } = await handle.read(bytes, 0, PROBE, offset);
  const newline = bytes.subarray(0, bytesRead).indexOf(10);
  return newline < 0 ? offset + bytesRead : offset + newline + 1;
}
