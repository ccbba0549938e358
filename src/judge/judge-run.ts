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
import type { CheckResult, Verdict } from '../types.js';
import { adjustRun } from './adjust-run.js';
import { worstVerdict } from './verdict.js';

/** The run's verdict, its exit code, the warnings for the reader, and the checks after Holm's adjustment. */
export interface RunVerdict {
  verdict: Verdict;
  exitCode: 0 | 1 | 3;
  warnings: string[];
  /** The checks as judged after the multiple-comparison adjustment: report these. */
  checks: CheckResult[];
}

const EXIT_CODE: Record<Verdict, 0 | 1 | 3> = { pass: 0, fail: 1, inconclusive: 3 };

/** Warnings judgeRun writes itself; a caller that judges a run again drops the old ones. */
export function isVerdictWarning(warning: string): boolean {
  return /^(non-critical check |the spec has no checks|no check is critical)/.test(warning);
}

/** Combine the checks' verdicts into the run's verdict, exit code and warnings. */
export function judgeRun(judged: CheckResult[]): RunVerdict {
  const checks = adjustRun(judged);
  const critical = checks.filter((c) => c.critical);
  const warnings = checks
    .filter((c) => !c.critical && c.verdict !== 'pass')
    .map((c) => `non-critical check "${c.name}" ${c.verdict === 'fail' ? 'failed' : 'was inconclusive'}: ${c.reason}`);
  if (critical.length === 0) {
    warnings.push(
      checks.length === 0
        ? 'the spec has no checks: nothing was judged'
        : 'no check is critical: nothing gates this run, so it is inconclusive rather than pass',
    );
  }
  const verdict = worstVerdict(
    critical.map((c) => c.verdict),
    'inconclusive',
  );
  return { verdict, exitCode: EXIT_CODE[verdict], warnings, checks };
}
