/** What a reader of a backtest must know to trust its numbers, decided from the spec and the moments. */
import { planRun } from '../gate/plan.js';
import { formatDuration } from '../time/duration.js';
import type { Spec } from '../spec-model.js';

/** Notes on overlapping moments and the spec's own warnings. */
export function backtestNotes(spec: Spec, moments: readonly number[]): string[] {
  const first = moments[0];
  if (first === undefined) return [];
  const plan = planRun(spec, first);
  const notes: string[] = [];
  const start = Math.min(...plan.checks.map((c) => c.windows.baseline.start));
  const end = Math.max(...plan.checks.map((c) => c.windows.post.end));
  const span = end - start;
  const gaps = moments.slice(1).map((m, i) => m - (moments[i] as number));
  const closest = gaps.length > 0 ? Math.min(...gaps) : Infinity;
  if (closest < span) {
    notes.push(
      `moments ${formatDuration(closest)} apart read overlapping data (each reads ${formatDuration(span)}), so their verdicts are ` +
        `not independent and the intervals are narrower than they should be; --every ${formatDuration(span)} or more avoids it`,
    );
  }
  notes.push(
    'a failing moment is a false alarm only if nothing really changed then: read the moments listed before tuning the spec',
  );
  return [...notes, ...(plan.warnings ?? [])];
}
