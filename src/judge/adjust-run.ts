/**
 * Multiple comparisons across the whole run. Every decidable test of every series of every
 * critical check (points or counts) is one member of the critical family, and Holm's step-down
 * adjustment keeps the chance of any false alarm in the gate at most alpha, whatever the
 * dependence between the tests: a spec with 20 checks does not fail 20 times more often than one
 * with a single check.
 *
 * Non-critical checks are a family of their own, adjusted the same way among themselves. They
 * never gate the run, so they must not change it either: in one shared family a non-critical
 * query returning 1000 unchanged series would raise every critical p-value 1000-fold and pass a
 * clear regression. Their own family keeps their warnings as careful as the gate's. A series that was significant on its raw p but is not on its adjusted p
 * passes (rule 'not-significant-adjusted'); nothing else changes: bounds (`max`/`min`) fail on
 * the candidate alone and inconclusive series were never decided by a p-value.
 *
 * Why Holm and not Benjamini-Hochberg: a gate's cost is a false fail of the whole deploy, so the
 * family-wise rate (any false alarm) is what users feel; FDR control would let a 20-check spec
 * fail healthy deploys far more often than a 1-check spec. Checks with different confidences
 * compare the same adjusted p with their own alpha (the family-wise rate is then at most the
 * largest alpha).
 */
import type { CheckResult, SeriesResult } from '../types.js';
import { summariseSeries } from './check-summary.js';
import { holmAdjust } from './stats/holm.js';
import { worstVerdict } from './verdict.js';
import { formatP, formatValue } from './wording.js';

/** Rules decided by a p-value, which therefore belong to the family. */
const TESTED_RULES = new Set([
  'beyond-tolerance',
  'within-tolerance',
  'not-significant',
  'not-bad-direction',
  'not-significant-adjusted',
  'bound',
]);

/**
 * A series stopped early by the anytime-valid sequential test (src/gate/early-stop.ts) is not a
 * member: it was already tested at alpha / (number of sequential series), Bonferroni over its own
 * family, and its p (1 / Bayes factor) is valid at a data-dependent stopping time, which a
 * fixed-n adjustment does not model. Holm runs over the remaining tests alone.
 */
function isInFamily(series: SeriesResult): boolean {
  return (
    series.test !== 'none' &&
    series.test !== 'sequential-binomial' &&
    series.test !== 'sequential-mixture' &&
    series.pValue !== null &&
    series.rule !== undefined &&
    TESTED_RULES.has(series.rule)
  );
}

/**
 * The series with its adjusted p, re-decided and re-worded when the adjustment changed anything.
 * The words come from the numbers (raw p, adjusted p, family size, alpha) placed in the series'
 * pFrame, the words its reason had around the p; a reason without one (none of the judge's
 * today) gets the adjustment appended.
 */
function adjustSeries(series: SeriesResult, adjusted: number, family: number): SeriesResult {
  const raw = series.pValue as number;
  if (family <= 1) return { ...series, pValueAdjusted: adjusted };
  const frame = series.pFrame;
  const p = `(${formatP(raw)}, Holm-adjusted ${formatP(adjusted)} over ${family} tests`;
  const alpha = series.alpha ?? 0.05;
  if (series.rule === 'beyond-tolerance' && !(adjusted < alpha)) {
    const reason =
      frame === undefined
        ? `${series.reason}; not significant after Holm's adjustment over ${family} tests (adjusted ${formatP(adjusted)})`
        : `${frame.before}but not significant after Holm's adjustment ${p}, needs < ${formatValue(alpha)}${frame.after}`;
    return { ...series, pValueAdjusted: adjusted, verdict: 'pass', rule: 'not-significant-adjusted', reason };
  }
  const reason = frame === undefined ? series.reason : `${frame.before}${p}${frame.after}`;
  return { ...series, pValueAdjusted: adjusted, reason };
}

/**
 * Each adjusted series remembers the series it was adjusted from. A run judged in parts (range
 * checks, then sampled checks; or re-judged after an interrupt) is adjusted again over the whole
 * family, and that must start from the raw p-values and decisions, never adjust an adjusted p.
 */
const unadjusted = new WeakMap<SeriesResult, SeriesResult>();

/** Holm-adjust every series test of the run, critical and non-critical checks apart, and re-decide the series and checks it changes. */
export function adjustRun(checks: readonly CheckResult[]): CheckResult[] {
  const replaced = new Map<string, SeriesResult>();
  for (const critical of [true, false]) {
    const members = checks.flatMap((check, c) =>
      check.critical !== critical
        ? []
        : check.series
            .map((series, s) => ({ c, s, series: unadjusted.get(series) ?? series }))
            .filter((m) => isInFamily(m.series)),
    );
    const adjusted = holmAdjust(members.map((m) => m.series.pValue as number));
    members.forEach((m, i) => {
      const result = adjustSeries(m.series, adjusted[i]!, members.length);
      unadjusted.set(result, m.series);
      replaced.set(`${m.c}:${m.s}`, result);
    });
  }
  return checks.map((check, c) => {
    if (!check.series.some((_, s) => replaced.has(`${c}:${s}`))) return check;
    const series = check.series.map((s, i) => replaced.get(`${c}:${i}`) ?? s);
    const changed = series.some(
      (s, i) => s.verdict !== check.series[i]!.verdict || s.reason !== check.series[i]!.reason,
    );
    if (!changed) return { ...check, series };
    const verdict = worstVerdict(
      series.map((s) => s.verdict),
      'inconclusive',
    );
    // The summary is worded again from the series; what followed it (e.g. unmatched series) stays.
    return { ...check, series, verdict, reason: summariseSeries(series) + (check.reasonTail ?? '') };
  });
}
