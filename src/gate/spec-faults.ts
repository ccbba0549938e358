/**
 * Source failures that are the spec's fault, not the backend's: a query the server refuses (400
 * bad_data, 422), credentials it refuses (401, 403), or a `url` that leads to no query API (a
 * host that does not resolve, 404, a login page). Retrying or waiting does not help, so a
 * critical check's fault makes the run exit 2 (spec error) instead of 3, while still reporting
 * what it could judge. A non-critical check's fault is a warning only: a non-critical check never
 * changes the exit code (its check is inconclusive and says why).
 */
import { SourceError } from '../errors.js';
import type { Source } from '../sources/types.js';
import type { RunNote } from '../types.js';
import type { RunPlan } from './plan.js';

/** True for a failure the spec must fix. */
export function isSpecFault(error: unknown): error is SourceError {
  return error instanceof SourceError && (error.kind === 'auth' || error.kind === 'query' || error.kind === 'endpoint');
}

/** A refused request: the error, and the source and query it answered. */
export interface SpecFault {
  error: SourceError;
  source: string;
  query: string;
}

/** Wrap source `name` so that every spec-fault failure it throws is also recorded in `faults`. */
export function watchSpecFaults(name: string, source: Source, faults: SpecFault[]): Source {
  return {
    ...source,
    fetchRange: async (query, range, signal) => {
      try {
        return await source.fetchRange(query, range, signal);
      } catch (error) {
        if (isSpecFault(error)) faults.push({ error, source: name, query });
        throw error;
      }
    },
    describe: () => source.describe(),
  };
}

const queryKey = (source: string, query: string): string => JSON.stringify([source, query]);

/** The checks reading each (source, query) of the plan, with whether any of them is critical. */
function readers(plan: RunPlan): Map<string, { names: string[]; critical: boolean }> {
  const byQuery = new Map<string, { names: string[]; critical: boolean }>();
  for (const { check, baseline, candidate, denominators } of plan.checks) {
    const queries = [baseline, candidate, ...(denominators ? [denominators.baseline, denominators.candidate] : [])];
    for (const key of new Set(queries.map((q) => queryKey(q.source, q.query)))) {
      const entry = byQuery.get(key) ?? { names: [], critical: false };
      entry.names.push(check.name);
      entry.critical ||= check.critical;
      byQuery.set(key, entry);
    }
  }
  return byQuery;
}

/**
 * Notes on refused requests: one for those of critical checks (`gating`: the run exits 2 and its
 * verdict is never pass), one per non-critical check whose query alone was refused (the exit code
 * is left to the critical checks).
 */
export function specFaultNotes(faults: readonly SpecFault[], plan: RunPlan): { notes: RunNote[]; gating: boolean } {
  if (faults.length === 0) return { notes: [], gating: false };
  const read = readers(plan);
  // A query no planned check reads (none today) is treated as critical: fail closed.
  const gating = faults.filter((f) => read.get(queryKey(f.source, f.query))?.critical ?? true);
  const advisory = faults.filter((f) => !gating.includes(f));
  const advisoryNotes = [...new Set(advisory.flatMap((f) => read.get(queryKey(f.source, f.query))?.names ?? []))].map(
    (name): RunNote => {
      const first = advisory.find((f) => read.get(queryKey(f.source, f.query))?.names.includes(name)) as SpecFault;
      return { kind: 'non-critical-spec-fault', check: name, message: first.error.message };
    },
  );
  const first = gating[0];
  if (first === undefined) return { notes: advisoryNotes, gating: false };
  return {
    notes: [{ kind: 'spec-fault', requests: gating.length, message: first.error.message }, ...advisoryNotes],
    gating: true,
  };
}
