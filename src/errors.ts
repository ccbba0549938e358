/**
 * The project's error types. Only the CLI entry maps them to exit codes:
 * SpecError / UsageError -> 2, SourceError -> the check is inconclusive (3) unless its kind is the
 * spec's fault (src/run/spec-faults.ts: 2), anything else -> 4.
 */
import { sanitizeText } from './sanitize-text.js';

/** One problem found in a spec, located in its file. */
export interface SpecIssue {
  file: string;
  line: number;
  col: number;
  message: string;
}

/**
 * Format an issue as `file:line:col: message`, the form editors and terminals link. A message may
 * quote the spec's keys and values: one escaped line (sanitizeText), so no quoted text starts a
 * line of its own on stderr (a CI runner reads `::error::` lines as commands) or moves the cursor.
 */
export function formatSpecIssue(issue: SpecIssue): string {
  return sanitizeText(`${issue.file}:${issue.line}:${issue.col}: ${issue.message}`);
}

/** The spec is invalid; carries every issue found, not only the first. */
export class SpecError extends Error {
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map(formatSpecIssue).join('\n'));
    this.name = 'SpecError';
  }
}

/** Bad command-line input (an option value, a missing file). Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A source could not be read. `retryable` tells the retry loop whether another attempt may help;
 * `kind` says whether waiting may help (network, timeout, http 5xx) or the spec must change
 * (query, auth, endpoint). The message must never contain secrets: it is shown to users as it is.
 */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly options: { retryable: boolean; kind: SourceErrorKind; status?: number; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'SourceError';
  }
  get retryable(): boolean {
    return this.options.retryable;
  }
  get kind(): SourceErrorKind {
    return this.options.kind;
  }
}

export type SourceErrorKind =
  | 'network' // refused, reset, DNS that did not answer
  | 'endpoint' // `url` leads to no query API: a host name that does not resolve, 404, an HTML or other non-API answer
  | 'timeout' // the total deadline passed
  | 'http' // a non-2xx answer
  | 'protocol' // not the Prometheus API's envelope, wrong content type, truncated JSON
  | 'query' // the backend refused the query (bad_data, execution)
  | 'auth' // 401 / 403
  | 'limit'; // too many series or points, oversized body
