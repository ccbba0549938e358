/**
 * The run's verdict: the worst of the critical checks' (fail > inconclusive > pass). Non-critical
 * checks that fail or are inconclusive become warnings and leave the verdict alone.
 *
 * With no critical check at all nothing gates the deploy, and a gate that cannot fail must not
 * report pass: the verdict is inconclusive (exit 3) with a warning saying why; a user who wants
 * advisory-only runs to pass can say so with --on-inconclusive pass.
 *
 * The checks are first adjusted for multiple comparisons (Holm over the critical checks' tests,
 * and apart from them over the non-critical checks' tests: adjust-run.ts), which can turn a
 * marginal fail into a pass: the verdict is taken on the adjusted checks, which are returned for
 * the report.
 */
import { exitCodeFor } from '../exit-code.js';
import type { CheckResult, RunNote, Verdict } from '../types.js';
import { adjustRun } from './adjust-run.js';
import { worstVerdict } from './verdict.js';

/** The run's verdict, its exit code, the notes for the reader, and the checks after Holm's adjustment. */
export interface RunVerdict {
  verdict: Verdict;
  /** The exit code of this verdict alone (exitCodeFor; no spec fault, no --on-inconclusive). */
  exitCode: 0 | 1 | 3;
  /** Non-critical checks that did not pass, and a run with no critical check. */
  notes: RunNote[];
  /** The checks as judged after the multiple-comparison adjustment: report these. */
  checks: CheckResult[];
}

/** The verdict and notes of checks already adjusted (adjustRun), or of checks that must not be re-adjusted. */
export function verdictOf(checks: CheckResult[]): Omit<RunVerdict, 'checks'> {
  const critical = checks.filter((c) => c.critical);
  const notes: RunNote[] = checks
    .filter((c) => !c.critical && c.verdict !== 'pass')
    .map((c) => ({
      kind: 'non-critical-check',
      check: c.name,
      verdict: c.verdict === 'fail' ? 'fail' : 'inconclusive',
      reason: c.reason,
    }));
  if (critical.length === 0) notes.push({ kind: checks.length === 0 ? 'no-checks' : 'no-critical-check' });
  const verdict = worstVerdict(
    critical.map((c) => c.verdict),
    'inconclusive',
  );
  return { verdict, exitCode: exitCodeFor({ verdict }) as 0 | 1 | 3, notes };
}

/** Combine the checks' verdicts into the run's verdict, exit code and notes. */
export function judgeRun(judged: CheckResult[]): RunVerdict {
  const checks = adjustRun(judged);
  return { ...verdictOf(checks), checks };
}
