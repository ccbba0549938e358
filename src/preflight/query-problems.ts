/** Problems of a query that show without data: overlapping rate() points, and the 11,000 points rule. */
import { formatDuration } from '../time/duration.js';
import { findPromQLRanges } from '../spec-file/promql-ranges.js';
import type { CheckSpec, Spec } from '../spec-model.js';

/** Prometheus refuses a range query of more points than this. */
export const MAX_POINTS_PER_SERIES = 11000;

/** Functions that read every sample of their range. */
function readsWholeRange(fn: string | undefined): boolean {
  return (
    fn !== undefined && (['rate', 'irate', 'increase', 'delta', 'deriv'].includes(fn) || fn.endsWith('_over_time'))
  );
}

/** What is wrong with `query` at `check`'s step, whatever the data. */
export function findStaticProblems(spec: Spec, check: CheckSpec, query: string): string[] {
  const problems: string[] = [];
  const step = check.step;
  const longest = findPromQLRanges(query)
    .filter((r) => readsWholeRange(r.fn) && r.seconds !== undefined && r.seconds > step)
    .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0))[0];
  if (longest !== undefined) {
    problems.push(
      `the step ${formatDuration(step)} is shorter than the [${longest.text}] range of ${longest.fn}(): neighbouring points share ` +
        `most of their samples, so n points are not n independent samples; use [${formatDuration(step)}] or a step of ${longest.text}`,
    );
  }
  for (const [side, window] of [
    ['baseline', spec.baseline.window],
    ['post', spec.post.window],
  ] as const) {
    const points = Math.floor(window / step) + 1;
    if (points > MAX_POINTS_PER_SERIES) {
      problems.push(
        `the ${side} window at step ${formatDuration(step)} is ${points} points, more than the ${MAX_POINTS_PER_SERIES} Prometheus ` +
          `answers: raise \`step\` to at least ${formatDuration(Math.ceil(window / MAX_POINTS_PER_SERIES))}`,
      );
    }
  }
  return problems;
}
