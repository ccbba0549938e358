/**
 * `decidedAfter` for a window already in the past: the run reads the whole window at once, and
 * each check says when a live run would have reached its verdict. Spec defaults: baseline 30m,
 * post window 10m from the deploy (no warmup), step 30s, tolerance 10%, confidence 95%.
 */
import { expect, test } from '@jest/globals';
import { executeRun } from '../../../src/gate/execute.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { COUNT_CHECK, QUERY_CHECK, specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200;
const LONG_AFTER = DEPLOY + 3600; // the post window ended 50 minutes ago

interface Behaviour {
  /** Errors and requests per 30s step after the deploy (before: 5 in 1000, 0.5%). */
  errorsAfter: [number, number];
  /** Latency factor after the deploy. */
  latencyAfter: number;
}

function pastSource(behaviour: Behaviour): Source {
  return {
    describe: () => 'fake',
    fetchRange: (query: string, range: TimeRange) => {
      const points = [];
      for (let t = range.start; t <= range.end; t += range.step) {
        const after = t > DEPLOY;
        // Latency wobbles 0.100..0.106 s with the step, so the baseline has noise to scale by.
        const latency = (0.1 + ((t / range.step) % 7) / 1000) * (after ? behaviour.latencyAfter : 1);
        const counts = after ? behaviour.errorsAfter : [5, 1000];
        // A ratio query reads the same counts as a share, with the latency's wobble as its noise.
        const share = (counts[0]! / counts[1]!) * (1 + ((t / range.step) % 7) / 100);
        const v = query.startsWith('latency')
          ? latency
          : query.includes(' / ')
            ? share
            : counts[query.includes('code="500"') ? 0 : 1]!;
        points.push({ t, v });
      }
      return Promise.resolve({ series: [{ labels: {}, points }], warnings: [] });
    },
  };
}

async function judgePast(behaviour: Behaviour, checks: string[] = [...COUNT_CHECK, ...QUERY_CHECK]) {
  const plan = planRun(specFrom(...TOP, ...checks), DEPLOY);
  const result = await executeRun(
    't',
    plan,
    { prom: pastSource(behaviour) },
    new AbortController().signal,
    LONG_AFTER,
    () => LONG_AFTER,
  );
  return Object.fromEntries(result.checks.map((c) => [c.name, c]));
}

test('no change: both checks pass, and a pass is reached only at the end of the 10-minute window', async () => {
  const checks = await judgePast({ errorsAfter: [5, 1000], latencyAfter: 1 });
  expect(checks.errors).toMatchObject({ verdict: 'pass', decidedAfter: 600 });
  expect(checks.latency).toMatchObject({ verdict: 'pass', decidedAfter: 600 });
});

test('10x the errors (0.5% -> 5% of 1000 a step): the replayed looks are certain at the second step, 60 s in', async () => {
  // 50 errors against about 5.5 expected at the tolerance's edge: a Bayes factor far beyond 1/alpha'.
  // A count stop needs a second step, so that one burst cannot decide alone (look-series.ts).
  const checks = await judgePast({ errorsAfter: [50, 1000], latencyAfter: 1 });
  expect(checks.errors).toMatchObject({ verdict: 'fail', decidedAfter: 60 });
  expect(checks.latency).toMatchObject({ verdict: 'pass', decidedAfter: 600 });
});

// 1.4x, not 1.3x: with the tolerance in the null, +30% (one-sided bound +13%) is not beyond 10% at
// the Holm-adjusted level of two critical checks (p = 0.027 x 2); +40% is.
test('1.4x the errors (0.5% -> 0.7%): the fixed window fails it, later than a 10x rise, and at most at the end', async () => {
  const big = await judgePast({ errorsAfter: [50, 1000], latencyAfter: 1 });
  const small = await judgePast({ errorsAfter: [14, 2000], latencyAfter: 1 });
  expect(small.errors!.verdict).toBe('fail');
  expect(small.errors!.decidedAfter).toBeGreaterThan(big.errors!.decidedAfter as number);
  expect(small.errors!.decidedAfter).toBeLessThanOrEqual(600);
});

test('latency x1.5: the value check fails, decided by the normal-mixture replay within the first minutes', async () => {
  const checks = await judgePast({ errorsAfter: [5, 1000], latencyAfter: 1.5 });
  expect(checks.latency!.verdict).toBe('fail');
  expect(checks.latency!.decidedAfter).toBeGreaterThan(0);
  expect(checks.latency!.decidedAfter).toBeLessThan(300);
});

test('a check with no data is inconclusive: no verdict, so decidedAfter is null', async () => {
  const plan = planRun(specFrom(...TOP, ...QUERY_CHECK), DEPLOY);
  const empty: Source = { describe: () => 'fake', fetchRange: () => Promise.resolve({ series: [], warnings: [] }) };
  const result = await executeRun(
    't',
    plan,
    { prom: empty },
    new AbortController().signal,
    LONG_AFTER,
    () => LONG_AFTER,
  );
  expect(result.checks[0]).toMatchObject({ verdict: 'inconclusive', decidedAfter: null });
});

test('a fail of a check the looks do not watch (direction either) is dated at the end of the window', async () => {
  const either = QUERY_CHECK.map((line) => line.replace('direction: increase', 'direction: either'));
  const checks = await judgePast({ errorsAfter: [5, 1000], latencyAfter: 1.5 }, either);
  expect(checks.latency).toMatchObject({ verdict: 'fail', decidedAfter: 600 });
});

/** The errors as a ratio query of one counter: a ratio of counts, watched as counts by a live run (ratio-counts.ts). */
const RATIO_CHECK = [
  '  - name: error ratio',
  '    source: prom',
  '    query: \'sum(rate(requests_total{code="500"}[30s])) / sum(rate(requests_total[30s]))\'',
  '    direction: increase',
];

test('a ratio query of counts is dated by the count test a live run watches it with, not by a value test of its points', async () => {
  // 10x the errors: the live looks read the derived counts (errors and requests per 30 s step) and
  // stop at the second step, exactly as for the same counts written as numerator/denominator.
  const behaviour = { errorsAfter: [50, 1000] as [number, number], latencyAfter: 1 };
  const asCounts = await judgePast(behaviour, COUNT_CHECK);
  const asRatio = await judgePast(behaviour, RATIO_CHECK);
  expect(asCounts.errors).toMatchObject({ verdict: 'fail', decidedAfter: 60 });
  expect(asRatio['error ratio']).toMatchObject({ verdict: 'fail', decidedAfter: 60 });
});

test('a ratio of counts the looks do not watch (non-critical) keeps the end of the window', async () => {
  const behaviour = { errorsAfter: [50, 1000] as [number, number], latencyAfter: 1 };
  const checks = await judgePast(behaviour, [...RATIO_CHECK, '    critical: false']);
  expect(checks['error ratio']).toMatchObject({ verdict: 'fail', decidedAfter: 600 });
});
