/**
 * The early-stop looks read the post window as the plan does: no look reads a point whose range
 * starts before the deploy. rate(x[1m]) at step 30s, deployed at 09:59:46: 10:00:00 and 10:00:30
 * read from before the deploy, so a look at 10:00:30 still waits and the first read starts at 10:01:00.
 */
import { readWatchedPairs } from '../../../src/gate/early-stop-pairs.js';
import { clipPlanToNow } from '../../../src/gate/partial.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { specFrom, TOP } from './spec-fixture.js';

// 2026-01-15T10:00:00Z, a multiple of every step used here.
const DEPLOY = 1768471200;
const DEPLOYED_AT = DEPLOY - 14;

test('the looks wait for the first point whose range starts after the deploy, and read from there', async () => {
  const reads: TimeRange[] = [];
  const source: Source = {
    fetchRange: (_query, range) => {
      reads.push(range);
      return Promise.resolve({ series: [], warnings: [] });
    },
    describe: () => 'prometheus at http://127.0.0.1:9090',
  };
  const spec = specFrom(
    ...TOP,
    '  - name: error rate',
    '    source: prom',
    "    query: 'sum(rate(errors_total[1m]))'",
    '    direction: increase',
  );
  const plan = planRun(spec, DEPLOYED_AT);
  const reader = readWatchedPairs(plan, { prom: source }, new AbortController().signal);

  const early = DEPLOY + 30;
  const waiting = await reader(0, clipPlanToNow(plan, early).checks[0]!, early);
  expect(waiting.waiting).toBe('waiting for the first step');
  // Only the baseline was read, ending at or before the deploy.
  expect(reads).toHaveLength(1);
  expect(reads[0]!.end).toBeLessThanOrEqual(DEPLOYED_AT);

  const later = DEPLOY + 95;
  await reader(0, clipPlanToNow(plan, later).checks[0]!, later);
  expect(reads).toHaveLength(2);
  expect(reads[1]).toEqual({ start: DEPLOY + 60, end: DEPLOY + 90, step: 30 });
  expect(reads[1]!.start - 60).toBeGreaterThanOrEqual(DEPLOYED_AT);
});
