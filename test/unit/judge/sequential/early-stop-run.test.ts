/**
 * The early-stop watch and the judgement of a run stopped early, on a fake source with 30s steps.
 * Baseline: 5 errors in 1000 requests a step (0.5%). The deploy was 3 minutes before "now".
 */
import { createEarlyStopWatch } from '../../../../src/gate/early-stop.js';
import { assembleRun } from '../../../../src/gate/assemble-result.js';
import { judgeStoppedEarly } from '../../../../src/gate/early-stop-judge.js';
import { wordNote } from '../../../../src/reports/notes.js';
import { planRun } from '../../../../src/gate/plan.js';
import type { Source } from '../../../../src/sources/types.js';
import type { TimeRange } from '../../../../src/types.js';
import { COUNT_CHECK, QUERY_CHECK, specFrom, TOP } from '../../gate/spec-fixture.js';

const DEPLOY = 1768471200;
const NOW = DEPLOY + 180;

/** Errors and requests per step before / after the deploy, latency 0.1 +- a little; data only up to NOW. */
function fakeSource(after: [number, number], reads: string[], latencyAfter = 1): Source {
  return {
    describe: () => 'fake',
    fetchRange: (query: string, range: TimeRange) => {
      reads.push(`${query} ${range.start - DEPLOY}..${range.end - DEPLOY}`);
      const points = [];
      for (let t = range.start; t <= Math.min(range.end, NOW); t += range.step) {
        const latency = (0.1 + ((t / range.step) % 7) / 1000) * (t > DEPLOY ? latencyAfter : 1);
        const v = query.startsWith('latency')
          ? latency
          : (t > DEPLOY ? after : [5, 1000])[query.includes('code="500"') ? 0 : 1]!;
        points.push({ t, v });
      }
      return Promise.resolve({ series: [{ labels: {}, points }], warnings: [] });
    },
  };
}

function setUp(after: [number, number], checks: string[] = [...COUNT_CHECK, ...QUERY_CHECK], latencyAfter = 1) {
  const reads: string[] = [];
  const plan = planRun(specFrom(...TOP, ...checks), DEPLOY);
  const sources = { prom: fakeSource(after, reads, latencyAfter) };
  let clock = NOW;
  const watch = createEarlyStopWatch(plan, sources, new AbortController().signal, () => clock);
  return { plan, sources, reads, watch, advance: (s: number) => (clock += s) };
}

test('10x the errors (0.5% -> 5%): the first look stops; the count check fails sequentially, the latency check cannot pass', async () => {
  const { plan, sources, watch } = setUp([50, 1000]);
  expect(watch?.everySeconds).toBe(30);
  const seen = await watch!.look();
  expect(seen.stop).toBe(true);
  // Two watched series (errors and latency) fix the family at m = 2; the looks spend a quarter of
  // alpha 5% (LOOK_SHARE, alpha-split.ts): each series at 0.625%, a Bayes factor of 160.
  expect(seen.line).toMatch(
    /^errors rate \+900% \(provisional\), evidence over 1000x of the 160x needed \(p < 0\.001\); latency [+-]?[\d.]+% \(provisional\), no sign of a rise beyond the tolerance: certain of a regression, stopping early$/,
  );
  const decision = watch!.decision()!;
  expect(decision.at).toBe(NOW);
  const result = assembleRun([await judgeStoppedEarly(plan, sources, decision, new AbortController().signal)], {
    name: 't',
    deployedAt: plan.deployedAt,
    startedAt: NOW,
    now: () => NOW,
  });
  expect(result.verdict).toBe('fail');
  expect(result.exitCode).toBe(1);
  const [errors, latency] = result.checks;
  expect(errors?.verdict).toBe('fail');
  expect(errors?.series[0]).toMatchObject({
    test: 'sequential-binomial',
    rule: 'sequential',
    verdict: 'fail',
    alpha: 0.00625,
  });
  // The stop came at the look 3 minutes after the deploy (the post window starts at it).
  expect(errors?.decidedAfter).toBe(180);
  expect(errors?.series[0]?.reason).toMatch(
    /^stopped early 3m00s after the deploy \(10:03:00Z\): anytime-valid test certain of a rise beyond tolerance 10%, evidence over 1000x of the 160x needed \(p < 0\.001\) over 2 sequential tests; rate 0\.5% -> 5% \(\+900%\)/,
  );
  // Holm leaves the sequential series alone: it carries no adjusted p.
  expect(errors?.series[0]?.pValueAdjusted).toBeUndefined();
  // The healthy latency check, judged on 3 minutes instead of 10, may not pass.
  expect(latency?.verdict).toBe('inconclusive');
  expect(latency?.reason).toMatch(
    /^stopped early 3m00s after the deploy \(10:03:00Z\), before the post window ended 10m00s after the deploy \(10:10:00Z\): .*; so far: /,
  );
  expect(wordNote(result.notes[0]!)).toMatch(/^stopped early 3m00s after the deploy \(10:03:00Z\)/);
});

test('the same error rate: looks never stop, and the baseline is read once', async () => {
  const { watch, reads, advance } = setUp([5, 1000]);
  const first = await watch!.look();
  advance(30);
  const second = await watch!.look();
  expect([first.stop, second.stop]).toEqual([false, false]);
  expect(second.line).toMatch(
    /^errors rate 0% \(provisional\), no sign of a rise beyond the tolerance; latency [+-]?[\d.]+% \(provisional\), no sign of a rise beyond the tolerance$/,
  );
  expect(watch!.decision()).toBeNull();
  // 3 baseline reads (numerator, denominator, latency) once, 3 candidate reads per look.
  expect(reads.filter((r) => / -1[78]\d0\.\.0$/.test(r))).toHaveLength(3);
  expect(reads).toHaveLength(9);
});

test('nothing to watch: no critical before/after check with a one-sided direction', () => {
  const either = (lines: string[]): string[] =>
    lines.map((line) => line.replace('direction: increase', 'direction: either'));
  expect(setUp([50, 1000], either(COUNT_CHECK)).watch).toBeNull();
  expect(setUp([50, 1000], either(QUERY_CHECK)).watch).toBeNull();
  expect(setUp([50, 1000], [...COUNT_CHECK, '    critical: false']).watch).toBeNull();
  // The latency check alone is watched too: value checks get the normal-mixture test.
  expect(setUp([50, 1000], QUERY_CHECK).watch).not.toBeNull();
});

test('a source error at a look skips it: no stop', async () => {
  const plan = planRun(specFrom(...TOP, ...COUNT_CHECK), DEPLOY);
  const { SourceError } = await import('../../../../src/errors.js');
  const failing: Source = {
    describe: () => 'fake',
    fetchRange: () => Promise.reject(new SourceError('timed out', { kind: 'timeout' } as never)),
  };
  const watch = createEarlyStopWatch(plan, { prom: failing }, new AbortController().signal, () => NOW);
  const seen = await watch!.look();
  expect(seen).toEqual({
    stop: false,
    line: expect.stringMatching(/^errors: could not read \(.*timed out.*\); waiting on$/),
  });
});

test('latency +50% with errors unchanged: the value check stops (normal-mixture test) and fails with test sequential-mixture', async () => {
  // Latency 0.100..0.106 s before, x1.5 after: far beyond the 10% tolerance against a baseline
  // that varies by 6%, so the first look is certain. The point at the deploy instant, still at the
  // old latency, belongs to the baseline only: the post window's 6 points are all x1.5, a change of
  // +50% (the verdict's estimate, which the progress line and the reason show too).
  const { plan, sources, watch } = setUp([5, 1000], [...COUNT_CHECK, ...QUERY_CHECK], 1.5);
  const seen = await watch!.look();
  expect(seen.stop).toBe(true);
  expect(seen.line).toMatch(
    /^errors rate 0% \(provisional\), no sign of a rise beyond the tolerance; latency \+50\.\d% \(provisional\), evidence over 1000x of the 320x needed \(p < 0\.001\): certain of a regression, stopping early$/,
  );
  const result = assembleRun(
    [await judgeStoppedEarly(plan, sources, watch!.decision()!, new AbortController().signal)],
    {
      name: 't',
      deployedAt: plan.deployedAt,
      startedAt: NOW,
      now: () => NOW,
    },
  );
  expect(result.exitCode).toBe(1);
  const latency = result.checks[1]!;
  expect(latency.series[0]).toMatchObject({
    test: 'sequential-mixture',
    rule: 'sequential',
    verdict: 'fail',
    alpha: 0.00625,
  });
  // The value test stops when its mixture reaches 2 / 0.625% = 320 (value-test.ts halves alpha once more).
  expect(latency.series[0]!.pValue).toBeLessThanOrEqual(0.00625);
  expect(latency.series[0]!.reason).toMatch(
    /^stopped early 3m00s after the deploy \(10:03:00Z\): anytime-valid test certain of a rise beyond tolerance 10%, evidence over 1000x of the 320x needed \(p < 0\.001\) over 2 sequential tests; \+50\.\d% over 6 value\(s\)$/,
  );
  expect(latency.decidedAfter).toBe(180);
  // The error check, judged on 3 of 10 minutes, cannot pass: no verdict, so no decision time.
  expect(result.checks[0]).toMatchObject({ verdict: 'inconclusive', decidedAfter: null });
});

test('a count check stopped early reports its excess events: 50 errors a step where 5 were expected', async () => {
  // 0.5% -> 5% of 1000 requests a 30 s step, stopped at the look 3 minutes in (6 steps): 300
  // errors where the baseline rate predicts 30, so 270 more.
  const { plan, sources, watch } = setUp([50, 1000]);
  await watch!.look();
  const result = await judgeStoppedEarly(plan, sources, watch!.decision()!, new AbortController().signal);
  const impact = result.checks[0]!.series[0]!.impact;
  expect(impact).toMatchObject({ kind: 'excess-events', events: 300, expected: 30, excess: 270, confidence: 0.95 });
});
