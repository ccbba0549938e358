/**
 * The natural variability the backtest reports per check: how much two adjacent windows of the
 * run's lengths differ over the backtest's range when (as the backtest assumes) nothing was
 * deployed. The same measure `baseline.history` judges a deploy against (src/judge/history): the
 * query is read once over the whole range, and the windows are slid over it.
 */
import { historyGeometry, joinPieces, splitRange } from '../gate/history-plan.js';
import { planRun } from '../gate/plan.js';
import { measureHistorySpread } from '../judge/history/spread.js';
import type { Source } from '../sources/types.js';
import type { Spec } from '../spec-model.js';
import { SourceError } from '../errors.js';
import type { BacktestSpread } from './types.js';

/** Per check (spec order): the spread, why there is none, or undefined for checks it does not apply to (counts, canary). */
export async function measureSpreads(
  spec: Spec,
  moments: readonly number[],
  sources: Record<string, Source>,
  signal: AbortSignal,
): Promise<(BacktestSpread | undefined)[]> {
  const first = moments[0];
  const last = moments[moments.length - 1];
  if (first === undefined || last === undefined) return spec.checks.map(() => undefined);
  const firstPlan = planRun(spec, first);
  const lastPlan = planRun(spec, last);
  return Promise.all(
    firstPlan.checks.map(async (planned, i): Promise<BacktestSpread | undefined> => {
      if (planned.mode !== 'before-after' || planned.denominators !== undefined) return undefined;
      const source = sources[planned.check.source];
      const end = lastPlan.checks[i]!.windows.post.end;
      const range = { start: planned.windows.baseline.start, end, step: planned.windows.post.step };
      if (source === undefined) return undefined;
      try {
        const pieces = await Promise.all(
          splitRange(range).map((piece) => source.fetchRange(planned.baseline.query, piece, signal)),
        );
        const geometry = historyGeometry(planned.windows, range);
        const measured = joinPieces(pieces.map((p) => p.series)).map((series) =>
          measureHistorySpread(series.points, geometry, planned.check.minSamples),
        );
        const spreads = measured.flatMap((m) => ('spread' in m ? [m] : []));
        if (spreads.length === 0)
          return {
            spread: null,
            series: measured.length,
            why: measured.length === 0 ? 'no series in the range' : (measured[0] as { shortfall: string }).shortfall,
          };
        const values = spreads.map((m) => (m.scale === 'log' ? Math.expm1(m.spread) : m.spread)).sort((a, b) => a - b);
        return {
          spread: values[Math.floor((values.length - 1) / 2)] as number,
          series: measured.length,
          moments: Math.max(...spreads.map((m) => m.moments)),
        };
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        return { spread: null, series: 0, why: `could not read the range: ${error.message}` };
      }
    }),
  );
}
