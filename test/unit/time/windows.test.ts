import { UsageError } from '../../../src/errors.js';
import { computeWindows, pointsInRange, rangesForCheck } from '../../../src/time/windows.js';

// 2026-11-26T10:00:00Z, a multiple of every step used below.
const DEPLOY = 1795687200;

describe('computeWindows', () => {
  test('on a step boundary: baseline ends at the deploy, post starts after the warmup', () => {
    const w = computeWindows({ deployedAt: DEPLOY, warmup: 60, baselineWindow: 1800, postWindow: 600, step: 30 });
    expect(w.baseline).toEqual({ start: DEPLOY - 1800, end: DEPLOY, step: 30 });
    expect(w.post).toEqual({ start: DEPLOY + 60, end: DEPLOY + 660, step: 30 });
    expect(pointsInRange(w.baseline)).toBe(61);
    expect(pointsInRange(w.post)).toBe(21);
  });

  test('off the step grid: baseline end rounds down, post start rounds up, so no pre-deploy point is post', () => {
    const deploy = DEPLOY + 10;
    const w = computeWindows({ deployedAt: deploy, warmup: 0, baselineWindow: 300, postWindow: 300, step: 30 });
    expect(w.baseline.end).toBe(DEPLOY);
    expect(w.baseline.end).toBeLessThanOrEqual(deploy);
    expect(w.post.start).toBe(DEPLOY + 30);
    expect(w.post.start).toBeGreaterThanOrEqual(deploy);
    expect(w.post.end - w.post.start).toBe(300);
  });

  test('a window that is not a multiple of the step holds whole steps only', () => {
    const w = computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 100, postWindow: 100, step: 30 });
    expect(w.baseline.start).toBe(DEPLOY - 90);
    expect(w.post.end).toBe(DEPLOY + 90);
  });

  test('on the step grid without warmup, the sample at the deploy instant is in the baseline only', () => {
    // The point at the deploy instant measures the version before it (a rate() at t covers the
    // range before t): it ends the baseline, and the post window's points start one step later.
    const w = computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 1800, postWindow: 600, step: 30 });
    expect(w.baseline).toEqual({ start: DEPLOY - 1800, end: DEPLOY, step: 30 });
    expect(w.post).toEqual({ start: DEPLOY + 30, end: DEPLOY + 600, step: 30 });
    expect(w.post.start).toBeGreaterThan(w.baseline.end);
    expect(pointsInRange(w.baseline) + pointsInRange(w.post)).toBe(61 + 20);
  });

  test('a post window shorter than a step still reads the first point after the deploy', () => {
    const w = computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 300, postWindow: 10, step: 30 });
    expect(w.post).toEqual({ start: DEPLOY + 30, end: DEPLOY + 30, step: 30 });
  });

  test('with a query range, the first post point is the first whose range starts after the deploy', () => {
    // rate(x[1m]) at t reads (t - 60, t]: a deploy at 00:29:46 with 30 s steps first reads only
    // post-deploy data at 00:31:00 (range from 00:30:00), not at 00:30:00 (range from 00:29:00).
    const deploy = DEPLOY - 14;
    const w = computeWindows({
      deployedAt: deploy,
      warmup: 0,
      baselineWindow: 600,
      postWindow: 600,
      step: 30,
      lookback: 60,
    });
    expect(w.post.start).toBe(DEPLOY + 60);
    expect(w.post.start - 60).toBeGreaterThanOrEqual(deploy);
    expect(w.post.start - 30 - 60).toBeLessThan(deploy);
    // The baseline's last point's range ends at the point, which is at or before the deploy.
    expect(w.baseline.end).toBeLessThanOrEqual(deploy);
    // The window keeps its end: the points' ranges cover the post window, not more.
    expect(w.post.end).toBe(DEPLOY + 600);
    expect(w.postOpens).toBe(DEPLOY);
  });

  test('the range counts after the warmup', () => {
    const w = computeWindows({
      deployedAt: DEPLOY,
      warmup: 120,
      baselineWindow: 600,
      postWindow: 600,
      step: 30,
      lookback: 300,
    });
    expect(w.post.start).toBe(DEPLOY + 420);
    expect(w.post.start - 300).toBeGreaterThanOrEqual(DEPLOY + 120);
    expect(w.post.end).toBe(DEPLOY + 720);
  });

  test('a range as long as the post window still leaves one point, later', () => {
    const w = computeWindows({
      deployedAt: DEPLOY,
      warmup: 0,
      baselineWindow: 600,
      postWindow: 300,
      step: 60,
      lookback: 600,
    });
    expect(w.post).toEqual({ start: DEPLOY + 600, end: DEPLOY + 600, step: 60 });
  });

  test('a range on the step grid: the point whose range starts at the deploy is the first post point', () => {
    const w = computeWindows({
      deployedAt: DEPLOY,
      warmup: 0,
      baselineWindow: 600,
      postWindow: 600,
      step: 60,
      lookback: 60,
    });
    expect(w.baseline.end).toBe(DEPLOY);
    expect(w.post.start).toBe(DEPLOY + 60);
  });

  test('sub-second steps keep clean numbers', () => {
    const w = computeWindows({ deployedAt: DEPLOY + 0.3, warmup: 0, baselineWindow: 1, postWindow: 1, step: 0.1 });
    expect(w.baseline.end).toBe(DEPLOY + 0.3);
    // The deploy is on the 0.1 s grid: its sample ends the baseline, the post window starts a step later.
    expect(w.post).toEqual({ start: DEPLOY + 0.4, end: DEPLOY + 1.3, step: 0.1 });
  });

  test('more than 11000 points per series is refused with what to change', () => {
    let message = '';
    try {
      computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 7 * 86400, postWindow: 600, step: 30 });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      message = (error as Error).message;
    }
    expect(message).toContain('baseline');
    expect(message).toContain('20161 points');
    expect(message).toContain('raise `step` to at least 55s');
  });

  test('exactly 11000 intervals is allowed', () => {
    expect(() =>
      computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 11000, postWindow: 10, step: 1 }),
    ).not.toThrow();
  });

  test('a zero or negative step is a usage error', () => {
    expect(() =>
      computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 60, postWindow: 60, step: 0 }),
    ).toThrow(UsageError);
  });
});

describe('rangesForCheck', () => {
  const w = computeWindows({ deployedAt: DEPLOY, warmup: 0, baselineWindow: 600, postWindow: 600, step: 60 });

  test('before/after compares baseline with post; canary reads both sides over post', () => {
    expect(rangesForCheck(w, false)).toEqual({ baseline: w.baseline, candidate: w.post });
    expect(rangesForCheck(w, true)).toEqual({ baseline: w.post, candidate: w.post });
  });

  test('pointsInRange of an empty range', () => {
    expect(pointsInRange({ start: 10, end: 5, step: 1 })).toBe(0);
  });
});
