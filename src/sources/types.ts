/**
 * A range source kind (source-kind.ts; docs/adding-a-source.md) creates a `Source`: range queries
 * over the past. A source returns samples only; it never judges. Failures are
 * thrown as SourceError (src/errors.ts) with messages that are safe to print (no secrets).
 * An empty result is data (`series: []`), not an error.
 */
import type { Series, TimeRange } from '../types.js';

export interface QueryResult {
  series: Series[];
  /** Benign warnings from the backend, reported to the user but not failing the check. */
  warnings: string[];
  /** What the source read, for `check` (e.g. a logs source's lines, share parsed, fields found); not in run reports. */
  facts?: string[];
}

export interface Source {
  /** Read `query` over `range`; points outside [range.start, range.end] are already dropped. */
  fetchRange(query: string, range: TimeRange, signal?: AbortSignal): Promise<QueryResult>;
  /** Human-readable description for --dry-run and messages, with secrets redacted. */
  describe(): string;
}
