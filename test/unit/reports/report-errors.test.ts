/** A report that could not be written is named by every other report, and annotated as an error whatever the verdict. */
import { buildRunResult } from '../../fixtures/reports/run-result.js';
import { renderAnnotations } from '../../../src/reports/github-actions.js';
import { renderReport } from '../../../src/reports/index.js';
import type { ReportFormat } from '../../../src/reports/types.js';
import type { RunResult } from '../../../src/types.js';

const failure = { path: 'out/gate.html', error: 'ENOSPC: no space left on device' };
const passed: RunResult = buildRunResult({
  verdict: 'pass',
  exitCode: 0,
  checks: [],
  notes: [],
  reportErrors: [failure],
});

test.each<ReportFormat>(['human', 'json', 'junit', 'markdown', 'html'])('the %s report names it', (format) => {
  const text = renderReport(format, passed, { color: false });
  expect(text).toContain('out/gate.html');
  expect(text).toContain('ENOSPC: no space left on device');
});

test('a passing run with a report not written gets one ::error annotation; without one, none', () => {
  expect(renderAnnotations(passed)).toEqual([
    '::error title=verify-deploy%3A report not written::out/gate.html could not be written (ENOSPC: no space left on device)',
  ]);
  expect(renderAnnotations({ ...passed, reportErrors: undefined })).toEqual([]);
});
