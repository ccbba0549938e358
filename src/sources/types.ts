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

/** What `deploy.detect` asks a source: a query (sources with history) or a line match (logs sources). */
export interface DeployProbe {
  query?: string;
  match?: string;
}

/**
 * A moment a source says a deploy happened: `version`, the set of series changed (a version
 * label); `restart`, a series' value jumped (process_start_time_seconds); `log-line`, a line
 * matched. `detail` says which, in words. Unix seconds.
 */
export interface DeployMark {
  at: number;
  how: 'version' | 'restart' | 'log-line';
  detail: string;
}

export interface Source {
  /** Read `query` over `range`; points outside [range.start, range.end] are already dropped. */
  fetchRange(query: string, range: TimeRange, signal?: AbortSignal): Promise<QueryResult>;
  /** Human-readable description for --dry-run and messages, with secrets redacted. */
  describe(): string;
  /**
   * Optional, for `deploy.detect`: every moment within `range` that marks a deploy, oldest first.
   * The Prometheus source reads `probe.query` (series that appear or disappear, values that jump);
   * a logs source reads `probe.match` (the matching lines). A source without it cannot detect.
   */
  findDeployMarks?(probe: DeployProbe, range: TimeRange, signal?: AbortSignal): Promise<DeployMark[]>;
}
