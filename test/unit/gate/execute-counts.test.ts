/**
 * executeRun on a count check reads numerator and denominator of both windows and hands them to
 * the count judge. Fake source, 30s steps: the baseline has 5 errors in 1000 requests per step.
 */
import { executeRun } from '../../../src/gate/execute.js';
import { planRun } from '../../../src/gate/plan.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { COUNT_CHECK, specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200;

/** Errors and requests per step, before and after the deploy; records every query read. */
function countSource(perStep: { before: [number, number]; after: [number, number] }, reads: string[]): Source {
  return {
    describe: () => 'fake',
    fetchRange: (query: string, range: TimeRange) => {
      reads.push(`${query} ${range.start - DEPLOY}..${range.end - DEPLOY}`);
      const index = query.includes('code="500"') ? 0 : 1;
      const points = [];
      for (let t = range.start; t <= range.end; t += range.step)
        points.push({ t, v: (t > DEPLOY ? perStep.after : perStep.before)[index] });
      return Promise.resolve({ series: [{ labels: {}, points }], warnings: [] });
    },
  };
}

async function run(perStep: { before: [number, number]; after: [number, number] }, extra: string[] = []) {
  const reads: string[] = [];
  const spec = specFrom(...TOP, ...COUNT_CHECK, ...extra);
  const result = await executeRun(
    't',
    planRun(spec, DEPLOY),
    { prom: countSource(perStep, reads) },
    new AbortController().signal,
    0,
    () => 0,
  );
  return { result, reads };
}

describe('executeRun with a count check', () => {
  it('reads four queries and fails on 10x the errors (0.5% -> 5% of 1000 requests per step)', async () => {
    const { result, reads } = await run({ before: [5, 1000], after: [50, 1000] });
    expect(reads.sort()).toEqual([
      'sum(increase(requests_total[30s])) -1770..0',
      'sum(increase(requests_total[30s])) 30..600',
      'sum(increase(requests_total{code="500"}[30s])) -1770..0',
      'sum(increase(requests_total{code="500"}[30s])) 30..600',
    ]);
    expect(result.checks[0]?.verdict).toBe('fail');
    expect(result.verdict).toBe('fail');
  });

  it('passes when the error share stays the same', async () => {
    const { result } = await run({ before: [5, 1000], after: [5, 1000] });
    expect(result.checks[0]?.verdict).toBe('pass');
  });

  it('is inconclusive below minTraffic: 20 steps of 2 requests are 40, under 100', async () => {
    const { result } = await run({ before: [0, 2], after: [1, 2] });
    expect(result.checks[0]?.verdict).toBe('inconclusive');
    expect(result.exitCode).toBe(3);
  });
});
