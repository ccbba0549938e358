/** Which series of a check get charts: all of a small check; of a wide one, the regressions and a few others. */
import type { SeriesResult } from '../../types.js';
import { SERIES_SHOWN_IN_FULL } from '../summary.js';

/** Charts of non-passing series per check at most; the table still lists every series. */
export const MAX_CHARTED_NOT_PASSING = 12;
/** Passing series charted beside the regressions of a wide check, for comparison. */
export const PASSING_CHARTED_FOR_CONTEXT = 3;

export interface ChartSelection {
  charted: SeriesResult[];
  /** Series left without a chart to keep the page small. */
  omitted: number;
}

function closenessToFailing(series: SeriesResult): number {
  const change = series.relativeChange;
  return change === null || !Number.isFinite(change) ? -1 : Math.abs(change);
}

/** The series to chart, regressions first; of the passing ones, those that moved the most. */
export function selectChartedSeries(series: readonly SeriesResult[]): ChartSelection {
  if (series.length <= SERIES_SHOWN_IN_FULL) return { charted: [...series], omitted: 0 };
  const notPassing = series.filter((s) => s.verdict !== 'pass').slice(0, MAX_CHARTED_NOT_PASSING);
  const passing = series
    .filter((s) => s.verdict === 'pass')
    .sort((a, b) => closenessToFailing(b) - closenessToFailing(a))
    .slice(0, PASSING_CHARTED_FOR_CONTEXT);
  const charted = [...notPassing, ...passing];
  return { charted, omitted: series.length - charted.length };
}
