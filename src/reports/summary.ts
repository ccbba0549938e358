/** Run-level facts every human-readable reporter shows the same way: verdict labels, counts, exit meaning. */
import type { CheckResult, RunResult, SeriesResult, Verdict } from '../types.js';

/** How a check's outcome is shown: a non-critical check that did not pass is a warning. */
export type DisplayVerdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'WARN';

/** Checks with more series than this show only the non-passing ones. */
export const SERIES_SHOWN_IN_FULL = 10;
/** At most this many non-passing series are listed per check; the rest are counted. */
export const MAX_SERIES_LISTED = 20;

/** The label a reader sees for a check. */
export function displayVerdict(check: Pick<CheckResult, 'verdict' | 'critical'>): DisplayVerdict {
  if (check.verdict === 'pass') return 'PASS';
  if (!check.critical) return 'WARN';
  return check.verdict === 'fail' ? 'FAIL' : 'INCONCLUSIVE';
}

/** The upper-case label of a verdict. */
export function verdictLabel(verdict: Verdict): 'PASS' | 'FAIL' | 'INCONCLUSIVE' {
  return verdict === 'pass' ? 'PASS' : verdict === 'fail' ? 'FAIL' : 'INCONCLUSIVE';
}

export interface CheckCounts {
  total: number;
  passed: number;
  failed: number;
  inconclusive: number;
  /** Non-critical checks that failed or were inconclusive (also counted above). */
  warned: number;
}

/** Count the checks by verdict. */
export function countChecks(result: RunResult): CheckCounts {
  const counts: CheckCounts = { total: result.checks.length, passed: 0, failed: 0, inconclusive: 0, warned: 0 };
  for (const check of result.checks) {
    if (check.verdict === 'pass') counts.passed += 1;
    else if (check.verdict === 'fail') counts.failed += 1;
    else counts.inconclusive += 1;
    if (!check.critical && check.verdict !== 'pass') counts.warned += 1;
  }
  return counts;
}

/** The counts in words: `1 failed, 1 inconclusive, 2 passed of 4 checks (1 non-critical warning)`. */
export function describeCounts(counts: CheckCounts): string {
  const parts = [
    counts.failed > 0 ? `${counts.failed} failed` : '',
    counts.inconclusive > 0 ? `${counts.inconclusive} inconclusive` : '',
    `${counts.passed} passed`,
  ].filter((part) => part !== '');
  const warned =
    counts.warned > 0 ? ` (${counts.warned} non-critical ${counts.warned === 1 ? 'warning' : 'warnings'})` : '';
  return `${parts.join(', ')} of ${counts.total} ${counts.total === 1 ? 'check' : 'checks'}${warned}`;
}

/** What the exit code means for this run, including an inconclusive verdict mapped by --on-inconclusive. */
export function describeExitCode(result: Pick<RunResult, 'verdict' | 'exitCode'>): string {
  const { verdict, exitCode } = result;
  if (verdict === 'inconclusive' && exitCode === 1)
    return 'exit 1: inconclusive, treated as a failure (--on-inconclusive fail)';
  if (verdict === 'inconclusive' && exitCode === 0)
    return 'exit 0: inconclusive, treated as a pass (--on-inconclusive pass)';
  if (exitCode === 0) return 'exit 0: no critical check found a regression';
  if (exitCode === 1) return 'exit 1: at least one critical check found a regression';
  if (exitCode === 2)
    return "exit 2: the backend refused a query or the credentials: fix the spec (see the checks' errors)";
  return 'exit 3: inconclusive, too little data or a source could not be read (never a pass)';
}

export interface SeriesSelection {
  shown: SeriesResult[];
  hiddenPassed: number;
  hiddenNotPassed: number;
}

/** Pick the series worth listing: all of a small check, else the non-passing ones (capped). */
export function selectSeries(series: SeriesResult[], maxListed = MAX_SERIES_LISTED): SeriesSelection {
  if (series.length <= SERIES_SHOWN_IN_FULL) return { shown: series, hiddenPassed: 0, hiddenNotPassed: 0 };
  const notPassed = series.filter((s) => s.verdict !== 'pass');
  const shown = notPassed.slice(0, maxListed);
  return {
    shown,
    hiddenPassed: series.length - notPassed.length,
    hiddenNotPassed: notPassed.length - shown.length,
  };
}

/** The "and N more" sentence for hidden series, or '' when nothing is hidden. */
export function describeHiddenSeries(selection: SeriesSelection): string {
  const parts: string[] = [];
  if (selection.hiddenNotPassed > 0)
    parts.push(`${selection.hiddenNotPassed} more failing or inconclusive series not listed`);
  if (selection.hiddenPassed > 0) parts.push(`${selection.hiddenPassed} more series passed`);
  return parts.length === 0 ? '' : `and ${parts.join('; ')}`;
}

/**
 * The series a one-line summary of a check shows: among the series that share the check's verdict,
 * the most significant one (lowest adjusted p, else raw p); undefined when the check has no series.
 */
export function representativeSeries(check: Pick<CheckResult, 'verdict' | 'series'>): SeriesResult | undefined {
  const same = check.series.filter((s) => s.verdict === check.verdict);
  const pool = same.length > 0 ? same : check.series;
  const pOf = (s: SeriesResult): number => {
    const p = s.pValueAdjusted ?? s.pValue;
    return p !== null && Number.isFinite(p) ? p : Infinity;
  };
  return pool.reduce<SeriesResult | undefined>(
    (best, s) => (best === undefined || pOf(s) < pOf(best) ? s : best),
    undefined,
  );
}
