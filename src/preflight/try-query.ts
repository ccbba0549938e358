/** Read one planned query and turn what came back (or the failure) into a QueryTest. */
import { SourceError } from '../errors.js';
import { isSpecFault } from '../gate/spec-faults.js';
import type { Source } from '../sources/types.js';
import type { PlannedQueryTest } from './plan-queries.js';
import { findStaticProblems } from './query-problems.js';
import { summarizeSeries } from './summarize.js';
import { diagnoseQuery } from './diagnose.js';
import { describeShortWindows } from '../spec-file/window-points.js';
import type { QueryTest } from './types.js';
import type { Spec } from '../spec-model.js';

/** Fetch `planned` from `source`; a SourceError becomes a probe with status unreadable or refused. */
export async function tryQuery(
  spec: Spec,
  planned: PlannedQueryTest,
  source: Source,
  signal: AbortSignal,
  now: number,
): Promise<QueryTest> {
  const base = {
    check: planned.check.name,
    field: planned.field,
    source: planned.check.source,
    query: planned.query,
    step: planned.range.step,
  };
  const staticProblems = findStaticProblems(spec, planned.check, planned.query);
  try {
    const result = await source.fetchRange(planned.query, planned.range, signal);
    const summary = summarizeSeries(result.series, planned.range, planned.check.minSamples);
    // Windows too short for a verdict whatever the data: the check would be inconclusive on every run.
    const windows = describeShortWindows(spec, planned.check);
    const status = summary.series === 0 ? 'empty' : summary.sparse || windows.length > 0 ? 'sparse' : 'ok';
    let problems = summary.problems;
    if (status !== 'ok' && windows.length === 0) {
      // Name the real cause (short history, a range with fewer than two samples) where the backend shows it.
      const diagnosis = await diagnoseQuery(planned.query, planned.range, source, signal, now);
      if (diagnosis.causes.length > 0)
        problems = [
          ...(diagnosis.selectorsFound ? summary.problems.filter((p) => !p.startsWith('no series')) : summary.problems),
          ...diagnosis.causes,
        ];
    }
    return {
      ...base,
      status,
      resultType: 'matrix',
      series: summary.series,
      points: summary.points,
      nanShare: summary.nanShare,
      infiniteShare: summary.infiniteShare,
      problems: [...windows, ...problems, ...staticProblems],
      warnings: result.warnings,
      ...(result.facts !== undefined ? { facts: result.facts } : {}),
    };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return {
      ...base,
      status: isSpecFault(error) ? 'refused' : 'unreadable',
      resultType: null,
      series: 0,
      points: null,
      nanShare: null,
      infiniteShare: null,
      problems: [error.message, ...staticProblems],
      warnings: [],
      error: { kind: error.kind, message: error.message },
    };
  }
}
