/**
 * The run's reports after the verdict: --report files, the GitHub step summary, the annotations.
 * None of them can change the verdict or its exit code. A report that cannot be written is an
 * error on stderr, an ::error annotation, and an entry in `reportErrors` of every report that
 * could be written (stdout's too, which is written last for that reason).
 */
import { writeReportFiles, type ReportError, type WriteFile } from '../output/write-report-files.js';
import { appendStepSummary, writeAnnotations } from '../reports/github-actions.js';
import { renderReport, type ReportFormat } from '../reports/index.js';
import { describeReportError, withReportErrors } from '../reports/report-errors.js';
import type { RunResult } from '../types.js';

export interface ReportTarget {
  path: string;
  format: ReportFormat;
}

/**
 * What delivery touches. Reports are written as rendered: the result was redacted as data before
 * (src/redact.ts), and redacting rendered text could rewrite markup.
 */
export interface DeliveryIO {
  env: Record<string, string | undefined>;
  stderr: (text: string) => void;
  appendFile: (path: string, text: string) => Promise<void>;
  writeFile?: WriteFile;
}

/** Write every report that can be written; returns the run with the reports that could not be. */
export async function deliverReports(
  result: RunResult,
  targets: readonly ReportTarget[],
  io: DeliveryIO,
): Promise<RunResult> {
  const files = targets.map((target) => ({
    path: target.path,
    render: (errors: readonly ReportError[]) =>
      renderReport(target.format, withReportErrors(result, errors), { color: false }),
  }));
  const summary = async (errors: readonly ReportError[]): Promise<ReportError[]> => {
    const failed = await appendStepSummary(withReportErrors(result, errors), {
      env: io.env,
      appendFile: (path, text) => io.appendFile(path, text),
      warn: () => undefined, // said below, with the others
    });
    return failed === undefined ? [] : [failed];
  };
  const reportErrors = await writeReportFiles(files, summary, io.writeFile);
  for (const failure of reportErrors) {
    io.stderr(
      `error: the report ${describeReportError(failure)}; the other reports name it, and the exit code is still the verdict's (${result.exitCode})\n`,
    );
  }
  const delivered = withReportErrors(result, reportErrors);
  writeAnnotations(delivered, { env: io.env, writeAnnotation: (line) => io.stderr(`${line}\n`) });
  return delivered;
}
