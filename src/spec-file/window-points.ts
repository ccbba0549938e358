/**
 * Windows that hold fewer points than a verdict needs: a post window of 30s at step 1m holds none,
 * and a window of 4 steps holds 4 where `minSamples` asks for 5. Such a check is inconclusive on
 * every run, so `validate` warns and `check` names it as the cause. Count checks sum their
 * window's counts (minTraffic decides), and checks on sampled sources have no step: neither is
 * concerned.
 */
import type { CheckSpec, Spec } from '../spec-model.js';
import { formatDuration } from '../time/duration.js';

/** One sentence per window of `check` that holds fewer points than it needs (without the check's name). */
export function describeShortWindows(spec: Pick<Spec, 'baseline' | 'post'>, check: CheckSpec): string[] {
  if (check.probe !== undefined || check.numerator !== undefined) return [];
  const canary = check.baselineQuery !== undefined;
  const windows = canary
    ? ([['post', spec.post.window]] as const)
    : ([
        ['baseline', spec.baseline.window],
        ['post', spec.post.window],
      ] as const);
  const problems: string[] = [];
  for (const [side, window] of windows) {
    const points = Math.floor(window / check.step + 1e-9);
    if (points >= check.minSamples) continue;
    problems.push(
      `the ${side} window (${formatDuration(window)}) holds ${points} point${points === 1 ? '' : 's'} at step ${formatDuration(check.step)}, ` +
        `fewer than the ${check.minSamples} a verdict needs (minSamples): every run would be inconclusive; lengthen ${side}.window or shorten the step`,
    );
  }
  return problems;
}
