/** An interrupted run reports what it saw but never passes; plans are cut at the present. */
import { assembleRun, type JudgedPart } from '../../../src/gate/assemble-result.js';
import { clipPlanToNow } from '../../../src/gate/partial.js';
import type { RunPlan } from '../../../src/gate/plan.js';
import { wordNote } from '../../../src/reports/notes.js';
import type { CheckResult, SeriesResult } from '../../../src/types.js';

const WHY = 'interrupted before the post window ended';
const assemble = (parts: JudgedPart[]) => assembleRun(parts, { deployedAt: 0, startedAt: 0, now: () => 1 });
/** The run of `checks`, interrupted before its post window ended. */
const markInterrupted = (checks: CheckResult[]) => assemble([{ checks, notes: [], cutShort: { kind: 'interrupted' } }]);

const check = (name: string, verdict: CheckResult['verdict'], critical = true): CheckResult => ({
  name,
  verdict,
  critical,
  reason: `${verdict} reason`,
  series: [],
  unmatched: { baseline: [], candidate: [] },
});

describe('markInterrupted', () => {
  test('a run whose checks all passed so far is inconclusive (exit 3), not pass: the window was cut short', () => {
    const marked = markInterrupted([check('a', 'pass'), check('b', 'pass')]);
    expect(marked.verdict).toBe('inconclusive');
    expect(marked.exitCode).toBe(3);
    expect(marked.checks.map((c) => c.verdict)).toEqual(['inconclusive', 'inconclusive']);
    expect(marked.checks[0]?.reason).toBe(`${WHY}; so far: pass reason`);
  });

  test('a regression already seen stays a fail (exit 1): the cut window does not undo it', () => {
    const marked = markInterrupted([check('a', 'fail'), check('b', 'pass')]);
    expect(marked.verdict).toBe('fail');
    expect(marked.exitCode).toBe(1);
    expect(wordNote(marked.notes[0]!)).toBe(WHY);
  });
});

describe('markInterrupted in a run judged in parts', () => {
  const tested = (pValue: number): SeriesResult => ({
    labels: {},
    verdict: 'pass',
    baseline: { n: 60, mean: 1, median: 1, p95: 1, nan: 0, infinite: 0 },
    candidate: { n: 10, mean: 1, median: 1, p95: 1, nan: 0, infinite: 0 },
    relativeChange: 0,
    relativeChangeInterval: [-0.1, 0.1],
    test: 'mann-whitney',
    pValue,
    alpha: 0.05,
    rule: 'not-significant',
    reason: `shift 0%, not significant (p = ${pValue})`,
  });
  const withSeries = (name: string, series: SeriesResult): CheckResult => ({
    ...check(name, 'pass'),
    reason: series.reason,
    series: [series],
  });

  test('a check cut short stays inconclusive when the merged run is judged again over a larger family', () => {
    // The range part was interrupted: its passing check is inconclusive. The sampled part adds a
    // second test, so Holm rewrites every reason; the first check must not turn back into a pass.
    const merged = assemble([
      {
        checks: [withSeries('range', tested(0.5))],
        notes: [{ kind: 'backend-warning', check: 'prom', text: 'x' }],
        cutShort: { kind: 'interrupted' },
      },
      { checks: [withSeries('sampled', tested(0.4))], notes: [] },
    ]);
    expect(merged.notes.map(wordNote)).toEqual([WHY, 'prom: backend warning: x']);
    expect(merged.checks.map((c) => c.verdict)).toEqual(['inconclusive', 'pass']);
    expect(merged.verdict).toBe('inconclusive');
  });
});

describe('clipPlanToNow', () => {
  const range = (start: number, end: number) => ({ start, end, step: 30 });
  const plan = (post: { start: number; end: number; step: number }): RunPlan => ({
    deployedAt: 1000,
    windows: { baseline: { start: 0, end: 1000 }, post: { start: 1000, end: 1600 } },
    readyAt: 1600,
    checks: [
      {
        check: {} as never,
        mode: 'before-after',
        windows: {} as never,
        lookback: 0,
        baseline: { source: 's', query: 'q', range: range(0, 990) },
        candidate: { source: 's', query: 'q', range: post },
      },
    ],
  });

  test('a post window still running ends at the last step already past; the baseline is untouched', () => {
    const clipped = clipPlanToNow(plan(range(1020, 1620)), 1100);
    expect(clipped.checks[0]?.candidate.range).toEqual(range(1020, 1080));
    expect(clipped.checks[0]?.baseline.range).toEqual(range(0, 990));
  });

  test('a post window not started yet keeps a single future point, which reads as no data', () => {
    expect(clipPlanToNow(plan(range(1020, 1620)), 1010).checks[0]?.candidate.range).toEqual(range(1020, 1020));
  });
});
