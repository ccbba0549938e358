/** Reports that could not be written, in the words every reporter uses for them. */
import type { ReportError, RunResult } from '../types.js';

/** `gate.html could not be written (EFBIG: file too large)`. */
export function describeReportError(failure: ReportError): string {
  return `${failure.path} could not be written (${failure.error})`;
}

/** The run with the reports that failed so far; unchanged when none did. */
export function withReportErrors(result: RunResult, reportErrors: readonly ReportError[]): RunResult {
  return reportErrors.length === 0
    ? result
    : { ...result, reportErrors: reportErrors.map((e) => ({ path: e.path, error: e.error })) };
}
