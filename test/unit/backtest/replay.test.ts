/**
 * Replaying the gate over a fake source with one real change: latency triples at T_REG. Noise is
 * +-2.5%, well inside the 10% tolerance, so only moments whose post window holds the change (and
 * whose baseline does not) can fail.
 */
import { mapLimit } from '../../../src/backtest/map-limit.js';
import { renderBacktestHuman } from '../../../src/backtest/render.js';
import { replayMoments } from '../../../src/backtest/replay.js';
import { summarizeBacktest } from '../../../src/backtest/summarize.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { formatTime } from '../../../src/time/format-time.js';
import { specFrom, TOP } from '../gate/spec-fixture.js';

const T_REG = 1768471200;
const spec = specFrom(
  'version: 1',
  'baseline: {window: 10m}',
  'post: {window: 5m}',
  ...TOP.slice(1),
  '  - {name: latency, source: prom, query: latency_seconds, direction: increase, tolerance: 10%}',
);

/** Deterministic noise in [-0.025, 0.025]. */
const noise = (t: number): number => (((t * 7919) % 101) / 100 - 0.5) * 0.05;

const source: Source = {
  describe: () => 'fake',
  fetchRange: (_query: string, range: TimeRange) => {
    const points = [];
    for (let t = range.start; t <= range.end; t += range.step)
      points.push({ t, v: (t >= T_REG ? 3 : 1) * (1 + noise(t)) });
    return Promise.resolve({ series: [{ labels: {}, points }], warnings: [] });
  },
};

describe('replayMoments + summarizeBacktest', () => {
  it('fails the moments whose post window holds the change, and only those', async () => {
    const moments = Array.from({ length: 13 }, (_, i) => T_REG - 30 * 60 + i * 5 * 60); // -30m .. +30m every 5m
    const now = () => T_REG + 86400;
    const replayed = await replayMoments(
      spec,
      moments,
      { prom: source },
      { concurrency: 3, signal: new AbortController().signal, now },
    );
    const result = summarizeBacktest({ spec, moments, replayed, formatTime, notes: [], durationSeconds: 0 });
    const failed = new Set(result.checks[0]?.failedAt.map((m) => m.at));
    for (const m of moments) {
      const at = formatTime(m);
      if (m === T_REG) expect(failed.has(at)).toBe(true);
      // Post window entirely before the change, or baseline entirely after it: nothing changed.
      if (m + 300 < T_REG || m - 600 > T_REG) expect(failed.has(at)).toBe(false);
    }
    // The moment 5 minutes after the change has the tripling in the middle of its baseline: read as the
    // series wandering (a level that moves inside the window), it is inconclusive, not a pass.
    expect(result.checks[0]).toMatchObject({ judged: 12, inconclusive: 1 });
    expect(result.exitCode).toBe(0);
    const text = renderBacktestHuman(result);
    expect(text).toContain('moments that would have failed:\n  latency\n');
    expect(text).toContain(`    ${formatTime(T_REG)}  `);
    expect(text).toMatch(/^latency +yes +12 +\d+ +\d/m);
  });

  it('starts no new moment once interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const replayed = await replayMoments(
      spec,
      [T_REG, T_REG + 3600],
      { prom: source },
      { concurrency: 1, signal: controller.signal, now: () => T_REG + 86400 },
    );
    expect(replayed).toEqual([undefined, undefined]);
  });
});

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3], 2, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
