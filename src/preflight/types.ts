/** What `verify-deploy check` found, per query: the data the human and JSON renderers read. */
import type { SourceErrorKind } from '../errors.js';
import type { QueryTestStatus } from '../types.js';

/** One query of one check, read over the short recent range. */
export interface QueryTest {
  check: string;
  /** The spec key the query came from: query, baselineQuery, candidateQuery, numerator, denominator. */
  field: string;
  source: string;
  query: string;
  step: number;
  status: QueryTestStatus;
  /** Always `matrix` when data was read (anything else is refused by the source as unreadable). */
  resultType: 'matrix' | null;
  series: number;
  /** Fewest and most points of any series, and what the range could hold at the step. */
  points: { min: number; max: number; expected: number } | null;
  /** Share of points that were NaN, and that were ±Inf (0..1); null without points. */
  nanShare: number | null;
  infiniteShare: number | null;
  /** Things to fix before relying on the spec, each saying what to do. */
  problems: string[];
  /** Backend warnings passed through. */
  warnings: string[];
  /** What the source says it read (a logs source: lines, share parsed, time covered, fields, matches). */
  facts?: string[];
  error?: { kind: SourceErrorKind; message: string };
}

/** The whole report of `check`. */
export interface CheckReport {
  version: 1;
  name?: string;
  /** The range read, RFC 3339. */
  range: { start: string; end: string; seconds: number };
  exitCode: 0 | 2 | 3;
  queries: QueryTest[];
  warnings: string[];
}
