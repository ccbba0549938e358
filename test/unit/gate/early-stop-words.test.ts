/**
 * One run stopped early, seen through every stream: the progress line, the series reason (stdout,
 * Markdown, HTML, JUnit and the JSON report all print it), the run's note and the "decided" line.
 * They must give one estimate for the same data, one wording of the evidence, and one clock.
 *
 * Data (a fake source, 30 s steps): 5 errors in 1000 requests a step before the deploy; latency
 * 0.100..0.106 s cycling with period 7. The deploy is 3 minutes before the look.
 */
import { assembleRun } from '../../../src/gate/assemble-result.js';
import { createEarlyStopWatch } from '../../../src/gate/early-stop.js';
import { judgeStoppedEarly } from '../../../src/gate/early-stop-judge.js';
import { planRun } from '../../../src/gate/plan.js';
import { describePosition } from '../../../src/gate/wait.js';
import { formatChange } from '../../../src/judge/wording.js';
import { describeDecisionTime } from '../../../src/reports/format.js';
import { wordNote } from '../../../src/reports/notes.js';
import type { Source } from '../../../src/sources/types.js';
import type { TimeRange } from '../../../src/types.js';
import { COUNT_CHECK, QUERY_CHECK, specFrom, TOP } from './spec-fixture.js';

const DEPLOY = 1768471200; // 2026-01-15T10:00:00Z
const NOW = DEPLOY + 180;

function fakeSource(errorsAfter: number, latencyAfter: (t: number) => number, errorsBefore = 5): Source {
  return {
    describe: () => 'fake',
    fetchRange: (query: string, range: TimeRange) => {
      const points = [];
      for (let t = range.start; t <= Math.min(range.end, NOW); t += range.step) {
        const latency = 0.1 + ((t / range.step) % 7) / 1000;
        const v = query.startsWith('latency')
          ? t > DEPLOY
            ? latency * latencyAfter(t)
            : latency
          : query.includes('code="500"')
            ? t > DEPLOY
              ? errorsAfter
              : errorsBefore
            : 1000;
        points.push({ t, v });
      }
      return Promise.resolve({ series: [{ labels: {}, points }], warnings: [] });
    },
  };
}

async function stopEarly(
  errorsAfter: number,
  latencyAfter: (t: number) => number,
  latencyLines: string[] = [],
): Promise<{ plan: ReturnType<typeof planRun>; line: string; result: ReturnType<typeof assembleRun> }> {
  const plan = planRun(specFrom(...TOP, ...COUNT_CHECK, ...QUERY_CHECK, ...latencyLines), DEPLOY);
  const sources = { prom: fakeSource(errorsAfter, latencyAfter) };
  const watch = createEarlyStopWatch(plan, sources, new AbortController().signal, () => NOW)!;
  const seen = await watch.look();
  expect(seen.stop).toBe(true);
  const part = await judgeStoppedEarly(plan, sources, watch.decision()!, new AbortController().signal);
  const result = assembleRun([part], { name: 't', deployedAt: plan.deployedAt, startedAt: NOW, now: () => NOW });
  return { plan, line: seen.line, result };
}

/** "evidence ... (p ...)" out of a text, or null. */
const evidenceIn = (text: string): string | null => /evidence [^;)]*\(p [^)]*\)/.exec(text)?.[0] ?? null;

describe('one estimate: the progress line shows the change the verdict reports for the same data', () => {
  // Latency after the deploy: as before but one slow step of the six (x2). The geometric mean (the
  // old progress estimate) reads +12%, the verdict's Hodges-Lehmann shift about 0%.
  const ramp = (t: number): number => (t === DEPLOY + 90 ? 2 : 1);

  test('a check that is not stopped: its progress change is its (cut-short) verdict change, labelled provisional', async () => {
    const { line, result } = await stopEarly(50, ramp);
    const latency = result.checks[1]!;
    const shown = /latency (\S+) \(provisional\)/.exec(line)?.[1];
    expect(shown).toBe(formatChange(latency.series[0]!.relativeChange!));
  });

  test('the stopped series reports the same estimate its progress line showed', async () => {
    const { line, result } = await stopEarly(5, (t) => 1.5 * ramp(t));
    const latency = result.checks[1]!.series[0]!;
    expect(latency.test).toBe('sequential-mixture');
    const shown = /latency (\S+) \(provisional\)/.exec(line)?.[1];
    expect(shown).toBe(formatChange(latency.relativeChange!));
  });
});

test('a series stopped before it holds minSamples values still reports its estimate, the one its progress line showed', async () => {
  // Seen against a live service: a latency stopped after 3 values reported "change n/a", because
  // the fixed-window judge withholds its verdict (and its change) below minSamples. Here 6 values
  // of the latency x1.5, minSamples 10.
  const { line, result } = await stopEarly(5, () => 1.5, ['    minSamples: 10']);
  const latency = result.checks[1]!.series[0]!;
  expect(latency.test).toBe('sequential-mixture');
  expect(latency.relativeChange).not.toBeNull();
  expect(/latency (\S+) \(provisional\)/.exec(line)?.[1]).toBe(formatChange(latency.relativeChange!));
});

describe('one wording of the evidence in the progress line and the reason', () => {
  const cases: Array<[string, number, (t: number) => number, number]> = [
    ['a count check (Bayes factor)', 50, (): number => 1, 0],
    ['a value check (normal mixture)', 5, (): number => 1.5, 1],
  ];
  test.each(cases)('%s', async (_what, errors, latency, index) => {
    const { line, result } = await stopEarly(errors, latency);
    const series = result.checks[index]!.series[0]!;
    const progress = line.split('; ')[index]!;
    expect(evidenceIn(progress)).not.toBeNull();
    expect(evidenceIn(series.reason)).toBe(evidenceIn(progress));
    // One scale, capped, with the p it implies: no raw factor, no sums against a boundary.
    expect(series.reason).not.toMatch(/Bayes factor|boundary|e\+\d/);
    expect(evidenceIn(progress)).toMatch(/^evidence (over )?[\d.]+x of the [\d.]+x needed \(p (<|=) [\d.e-]+\)$/);
  });
});

describe('one clock: time after the deploy, with the wall time', () => {
  test('progress, reason, note and the decided line time the stop the same way', async () => {
    const { plan, result } = await stopEarly(50, () => 1);
    const moment = '3m00s after the deploy (10:03:00Z)';
    const errors = result.checks[0]!;
    expect(errors.series[0]!.reason).toMatch(new RegExp(`^stopped early ${moment.replace(/[()]/g, '\\$&')}: `));
    expect(wordNote(result.notes[0]!)).toContain(`stopped early ${moment}`);
    expect(describeDecisionTime(errors, result.deployedAt)).toBe(`decided ${moment}`);
    const post = { start: plan.windows.post.start, end: plan.windows.post.end, deployedAt: DEPLOY };
    expect(describePosition(NOW, post)).toMatch(/^\[3m00s of \S+ after the deploy\]$/);
  });
});

test('a count with no error before the deploy has no relative change: the progress line gives its rate', async () => {
  // 0 errors in 1000 requests a step before, 50 after: the verdict's change is n/a (from 0).
  const plan = planRun(specFrom(...TOP, ...COUNT_CHECK), DEPLOY);
  const sources = { prom: fakeSource(50, () => 1, 0) };
  const watch = createEarlyStopWatch(plan, sources, new AbortController().signal, () => NOW)!;
  expect((await watch.look()).line).toMatch(/^errors rate 5% with none before \(provisional\), evidence /);
});
