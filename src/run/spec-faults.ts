/**
 * Source failures that are the spec's fault, not the backend's: a query the server refuses (400
 * bad_data, 422), credentials it refuses (401, 403), or a `url` that leads to no query API (a
 * host that does not resolve, 404, a login page). Retrying or waiting does not help, so the
 * run exits 2 (spec error) instead of 3, while still reporting what it could judge.
 */
import { SourceError } from '../errors.js';
import type { Source } from '../sources/types.js';
import type { RunResult } from '../types.js';

/** True for a failure the spec must fix. */
export function isSpecFault(error: unknown): error is SourceError {
  return error instanceof SourceError && (error.kind === 'auth' || error.kind === 'query' || error.kind === 'endpoint');
}

/** Wrap `source` so that every spec-fault failure it throws is also recorded in `faults`. */
export function watchSpecFaults(source: Source, faults: SourceError[]): Source {
  return {
    ...source,
    fetchRange: async (query, range, signal) => {
      try {
        return await source.fetchRange(query, range, signal);
      } catch (error) {
        if (isSpecFault(error)) faults.push(error);
        throw error;
      }
    },
    describe: () => source.describe(),
  };
}

/** Exit 2 with a warning when any spec fault was seen; the verdict stays as judged (never pass). */
export function applySpecFaults(result: RunResult, faults: readonly SourceError[]): RunResult {
  if (faults.length === 0) return result;
  const first = faults[0] as SourceError;
  const warning = `the backend refused ${faults.length === 1 ? 'a query or the credentials' : `${faults.length} requests`} (${first.message}): fix the spec; exit 2`;
  const verdict = result.verdict === 'pass' ? 'inconclusive' : result.verdict;
  return { ...result, verdict, exitCode: 2, warnings: [warning, ...result.warnings] };
}
