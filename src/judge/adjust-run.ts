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
 *
 * When a run watched checks while its post window filled (src/gate/early-stop.ts), their looks
 * already spent part of alpha, and the critical family is the weighted Holm of
 * src/judge/sequential/alpha-split.ts: each watched series weighs 1/m (m fixed at the first look)
 * and its fixed test enters with p / (1 - share); a series the looks stopped enters with its
 * anytime-valid p / share and is always rejected at the first step; the other critical checks'
 * tests share the rest of the weight. Without looks it is plain Holm, as above.
 */
import type { CheckResult, SeriesResult } from '../types.js';
import { summariseSeries } from './check-summary.js';
import type { SequentialFamily } from './sequential/alpha-split.js';
import { holmAdjust, weightedHolmAdjust } from './stats/holm.js';
import { worstVerdict } from './verdict.js';
import { formatP, formatPercent, formatValue } from './wording.js';

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
    !isSequential(series) &&
    series.pValue !== null &&
    series.rule !== undefined &&
    TESTED_RULES.has(series.rule)
  );
}

const isSequential = (series: SeriesResult): boolean =>
  series.test === 'sequential-binomial' || series.test === 'sequential-mixture';

/**
 * The series with its adjusted p, re-decided and re-worded when the adjustment changed anything.
 * The words come from the numbers (raw p, adjusted p, family size, alpha) placed in the series'
 * pFrame, the words its reason had around the p; a reason without one (none of the judge's
 * today) gets the adjustment appended.
 */
function adjustSeries(series: SeriesResult, adjusted: number, family: number, lookShare?: number): SeriesResult {
  const raw = series.pValue as number;
  // A series the looks stopped stays failed: its stop is a first-step rejection (alpha-split.ts).
  if (isSequential(series)) return { ...series, pValueAdjusted: adjusted };
  if (family <= 1 && lookShare === undefined) return { ...series, pValueAdjusted: adjusted };
  const frame = series.pFrame;
  const left = lookShare === undefined ? '' : `, ${formatPercent(1 - lookShare)} of its alpha left after the looks`;
  const p = `(${formatP(raw)}, Holm-adjusted ${formatP(adjusted)} over ${family} ${family === 1 ? 'test' : 'tests'}${left}`;
  const alpha = series.alpha ?? 0.05;
  if (series.rule === 'beyond-tolerance' && !(adjusted < alpha)) {
    const reason =
      frame === undefined
        ? `${series.reason}; not significant after Holm's adjustment over ${family} ${family === 1 ? 'test' : 'tests'}${left} (adjusted ${formatP(adjusted)})`
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

/** A member of a family: where its series is, and (weighted Holm) its weight and p divisor. */
interface Member {
  c: number;
  s: number;
  series: SeriesResult;
  weight: number;
  /** The share of its weight this test may spend: 1, or the looks' / the fixed test's share. */
  share?: number;
}

/** The critical members, weighted as alpha-split.ts says for a run whose checks were watched. */
function weighCritical(
  members: Omit<Member, 'weight'>[],
  checks: readonly CheckResult[],
  family: SequentialFamily,
): Member[] {
  const m = Math.max(1, family.tests);
  const watchedSeries = [...family.watched.values()].reduce((a, b) => a + b, 0);
  const others = members.filter((x) => !family.watched.has(checks[x.c]!.name));
  const otherWeight = others.length > 0 ? Math.max(0, 1 - watchedSeries / m) / others.length : 0;
  return members.map((x) => {
    const owned = family.watched.get(checks[x.c]!.name);
    if (owned === undefined) return { ...x, weight: otherWeight };
    const tests = members.filter((y) => y.c === x.c).length;
    // More tests than baseline series (series first seen later): the check's weight is shared.
    const weight = owned / m / Math.max(owned, tests);
    return { ...x, weight, share: isSequential(x.series) ? family.share : 1 - family.share };
  });
}

/**
 * Holm-adjust every series test of the run, critical and non-critical checks apart, and re-decide
 * the series and checks it changes. `family`: set when the run's looks watched checks (weighted
 * Holm over the critical checks, alpha-split.ts).
 */
export function adjustRun(checks: readonly CheckResult[], family?: SequentialFamily): CheckResult[] {
  const replaced = new Map<string, SeriesResult>();
  const watching = family !== undefined && family.tests > 0 && family.watched.size > 0;
  for (const critical of [true, false]) {
    const weighted = critical && watching;
    const found = checks.flatMap((check, c) =>
      check.critical !== critical
        ? []
        : check.series
            .map((series, s) => ({ c, s, series: unadjusted.get(series) ?? series }))
            .filter(
              (m) =>
                isInFamily(m.series) ||
                (weighted && isSequential(m.series) && m.series.pValue !== null && family.watched.has(check.name)),
            ),
    );
    const members: Member[] = weighted
      ? weighCritical(found, checks, family)
      : found.map((m) => ({ ...m, weight: 1 / found.length }));
    const adjusted = weighted
      ? weightedHolmAdjust(members.map((m) => ({ p: (m.series.pValue as number) / (m.share ?? 1), weight: m.weight })))
      : holmAdjust(members.map((m) => m.series.pValue as number));
    members.forEach((m, i) => {
      const lookShare = weighted && m.share !== undefined ? family.share : undefined;
      const result = adjustSeries(m.series, adjusted[i]!, members.length, lookShare);
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
