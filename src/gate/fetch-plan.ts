/** Read every planned query, in parallel, each distinct (source, query, range) once. */
import { setMaxListeners } from 'node:events';
import { SourceError } from '../errors.js';
import type { Source } from '../sources/types.js';
import type { CheckErrorKind, Series } from '../types.js';
import { joinPieces } from './history-plan.js';
import type { PlannedCheck, PlannedQuery } from './plan.js';

/** The data of one check, or why it could not be read. */
export type CheckData =
  | {
      ok: true;
      baseline: Series[];
      candidate: Series[];
      warnings: string[];
      /** Count checks only: the denominator series of each side (`baseline`/`candidate` hold the numerators). */
      denominators?: { baseline: Series[]; candidate: Series[] };
      /** `baseline.history`: the series over the history, or why they could not be read (the windows are judged alone then). */
      history?: { series: Series[] } | { error: string };
    }
  | { ok: false; error: string; errorKind: CheckErrorKind };

/** Fetch all checks' queries concurrently; a failing query makes only its own checks unreadable. */
export async function fetchPlannedChecks(
  checks: PlannedCheck[],
  sources: Record<string, Source>,
  runSignal: AbortSignal,
): Promise<CheckData[]> {
  // Every request listens for the abort; a spec with many checks passes Node's default of 10
  // listeners, which would print a leak warning on stderr. One child signal per run, sized to fit.
  const controller = new AbortController();
  const signal = controller.signal;
  setMaxListeners(0, signal);
  // Removed when the run's reads are done: a backtest shares one signal across hundreds of runs.
  const forwardAbort = (): void => controller.abort(runSignal.reason);
  if (runSignal.aborted) controller.abort(runSignal.reason);
  else runSignal.addEventListener('abort', forwardAbort, { once: true });
  try {
    return await readAll(checks, sources, signal);
  } finally {
    runSignal.removeEventListener('abort', forwardAbort);
  }
}

async function readAll(
  checks: PlannedCheck[],
  sources: Record<string, Source>,
  signal: AbortSignal,
): Promise<CheckData[]> {
  const inFlight = new Map<string, Promise<{ series: Series[]; warnings: string[] }>>();
  const read = (planned: PlannedQuery) => {
    const key = JSON.stringify([planned.source, planned.query, planned.range]);
    let pending = inFlight.get(key);
    if (!pending) {
      const source = sources[planned.source];
      if (!source) throw new Error(`no source named "${planned.source}" (the spec loader should have refused it)`);
      pending = source.fetchRange(planned.query, planned.range, signal);
      inFlight.set(key, pending);
    }
    return pending;
  };
  return Promise.all(
    checks.map(async (planned): Promise<CheckData> => {
      try {
        const queries = [planned.baseline, planned.candidate];
        if (planned.denominators) queries.push(planned.denominators.baseline, planned.denominators.candidate);
        const [baseline, candidate, baseDenominator, candDenominator] = await Promise.all(queries.map(read));
        if (baseline === undefined || candidate === undefined) throw new Error('bug: a planned query was not read');
        const results = [baseline, candidate, baseDenominator, candDenominator].filter((r) => r !== undefined);
        const warnings = [...new Set(results.flatMap((r) => r.warnings))];
        const data: CheckData = { ok: true, baseline: baseline.series, candidate: candidate.series, warnings };
        if (baseDenominator && candDenominator)
          data.denominators = { baseline: baseDenominator.series, candidate: candDenominator.series };
        if (planned.history) data.history = await readHistory(planned, read, signal);
        return data;
      } catch (error) {
        return { ok: false, ...describeFetchError(error, signal) };
      }
    }),
  );
}

/** A check's history, read in its pieces and joined; a failed read is said, not thrown (the windows can still be judged). */
async function readHistory(
  planned: PlannedCheck,
  read: (query: PlannedQuery) => Promise<{ series: Series[]; warnings: string[] }>,
  signal: AbortSignal,
): Promise<{ series: Series[] } | { error: string }> {
  const history = planned.history;
  if (history === undefined) return { series: [] };
  try {
    const pieces = await Promise.all(
      history.pieces.map((range) => read({ source: planned.baseline.source, query: planned.baseline.query, range })),
    );
    return { series: joinPieces(pieces.map((p) => p.series)) };
  } catch (error) {
    return { error: describeFetchError(error, signal).error };
  }
}

/** The words and the kind of a failed read; exported for runs interrupted before any read. */
export function describeFetchError(error: unknown, signal: AbortSignal): { error: string; errorKind: CheckErrorKind } {
  if (signal.aborted) return { error: 'the run was interrupted before the data was read', errorKind: 'interrupted' };
  if (error instanceof SourceError) return { error: error.message, errorKind: error.kind };
  // Anything else is a bug in a source; rethrowing would lose the other checks' results.
  throw error;
}
