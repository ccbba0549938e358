/**
 * The looks' family is fixed at the first look (alpha-split.ts): m = the series of the watched
 * checks' complete baselines plus one per other critical check. Data: a fake source whose latency
 * baseline holds two pods (a, b) at 0.1 s; after the deploy only pod a answers at first, pod b
 * from the second look on. Before, m was "the most series tested at any look", so pod a was
 * looked at at alpha / 1 first and alpha / 2 later.
 */
import { createEarlyStopWatch } from '../../../src/gate/early-stop.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200;

function source(now: () => number): Source {
  return {
    describe: () => 'fake',
    fetchRange: (_query: string, range: TimeRange) => {
      const series = ['a', 'b'].map((pod) => {
        const points = [];
        for (let t = range.start; t <= Math.min(range.end, now()); t += range.step) {
          // Pod b has no post-deploy point before the second look.
          if (pod === 'b' && t > DEPLOY && now() < DEPLOY + 210) continue;
          points.push({ t, v: 0.1 + ((t / range.step) % 7) / 1000 });
        }
        return { labels: { pod }, points };
      });
      return Promise.resolve({ series, warnings: [] });
    },
  };
}

const LATENCY = ['  - name: latency', '    source: prom', '    query: latency_seconds', '    direction: increase'];
const EITHER = ['  - name: cpu', '    source: prom', '    query: cpu_seconds', '    direction: either'];

test('m = 2 baseline pods + 1 other critical check, fixed at the first look, unchanged when pod b appears', async () => {
  let clock = DEPLOY + 180;
  const plan = planRun(specFrom(...TOP, ...LATENCY, ...EITHER), DEPLOY);
  const watch = createEarlyStopWatch(plan, { prom: source(() => clock) }, new AbortController().signal, () => clock)!;
  expect(watch.family()).toBeNull();
  await watch.look();
  expect(watch.family()).toEqual({ tests: 3, watched: new Map([['latency', 2]]), share: 0.25 });
  clock += 60;
  await watch.look();
  expect(watch.family()?.tests).toBe(3);
});

test('a critical check the spec holds beyond the plan (a sampled probe) counts as one more', async () => {
  const clock = DEPLOY + 180;
  const plan = planRun(specFrom(...TOP, ...LATENCY), DEPLOY);
  const watch = createEarlyStopWatch(
    plan,
    { prom: source(() => clock) },
    new AbortController().signal,
    () => clock,
    2,
  )!;
  await watch.look();
  expect(watch.family()?.tests).toBe(3);
});
