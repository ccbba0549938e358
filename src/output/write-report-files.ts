/**
 * Report files written after a verdict. One that cannot be written (a full disk, its directory
 * removed meanwhile) does not stop the others and does not change the verdict: every file is
 * tried, and when one failed, those written are written again naming the failure, so whoever
 * reads any of them learns that one is missing.
 */
import type { ReportError } from '../types.js';
import { describeFileError } from './describe-file-error.js';
import { writeFileAtomically } from './write-file-atomically.js';

export type { ReportError } from '../types.js';

/** A report file: where it goes, and its text given the failures known when it is written. */
export interface ReportFile {
  path: string;
  render: (reportErrors: readonly ReportError[]) => string;
}

/** How the files are written; tests pass their own. */
export type WriteFile = (path: string, text: string) => Promise<void>;

/** Try every file; return those written and the failures. */
export async function writeEachReport(
  files: readonly ReportFile[],
  known: readonly ReportError[],
  write: WriteFile = writeFileAtomically,
): Promise<{ written: ReportFile[]; errors: ReportError[] }> {
  const written: ReportFile[] = [];
  const errors: ReportError[] = [];
  for (const file of files) {
    // Rendered outside the try: a renderer that throws is a bug (exit 4), not a file that could not be written.
    const text = file.render(known);
    try {
      await write(file.path, text);
      written.push(file);
    } catch (error) {
      errors.push({ path: file.path, error: describeFileError(error) });
    }
  }
  return { written, errors };
}

/**
 * Write the report files; `more` runs between the first pass and the second (the run's step
 * summary) and returns failures of its own. Returns every failure, in the order found.
 */
export async function writeReportFiles(
  files: readonly ReportFile[],
  more: (errors: readonly ReportError[]) => Promise<readonly ReportError[]> = async () => [],
  write: WriteFile = writeFileAtomically,
): Promise<ReportError[]> {
  const first = await writeEachReport(files, [], write);
  const errors = [...first.errors, ...(await more(first.errors))];
  if (errors.length === 0) return [];
  // A file that was written but cannot be written again keeps its first, complete version.
  const second = await writeEachReport(first.written, errors, write);
  return [...errors, ...second.errors];
}
