/**
 * The verdict of one matched series, with the rule that decided it in words. Rules, in order:
 * series the backend returned twice with the same labels (inconclusive: they cannot be told
 * apart, so a merge would judge a guess); too few usable candidate values (inconclusive); a broken `max`/`min` bound (fail, whatever
 * else holds); too few usable baseline values (inconclusive); ±Inf in the candidate the bad way
 * while the baseline has none (inconclusive: never pass what could not be measured); then the
 * statistical comparison (inconclusive when the samples are too small for any p below alpha;
 * fail on a significant change beyond tolerance; else pass). The comparison is paired by timestamp
 * when the sides share time (paired/: a canary, a baseline.offset baseline), and a before/after or
 * paired comparison with enough post points decides on the post window weighted toward its end
 * (drift.ts testGrowth: a change that grows through it, a slow burn, weighs more; withGrowth).
 */
import type { CheckSpec } from '../spec-model.js';
import type { DecisionRule, Point, SampleSummary, SeriesResult, Verdict } from '../types.js';
import { describeBoundsHeld, findBoundViolation } from './bounds.js';
import { cleanPoints, inTimeOrder, type CleanSample } from './clean.js';
import { compareSamples } from './compare.js';
import { alphaOf, framePValue, type ComparisonOutcome } from './decide.js';
import { judgePaired } from './paired/judge-paired.js';
import { describeDrift, describeGrowth, testGrowth, testPairedGrowth, type Growth } from './drift.js';
import type { CheckMode } from './check-mode.js';
import { describeRepeats } from './repeats.js';
import { describeTies } from './ties.js';
import type { SeriesPair } from './match.js';
import { describeSample } from './stats/describe.js';
import { describeDuplicates } from './duplicates.js';
import { formatChange, formatP, formatPercent, formatUsable, formatValue } from './wording.js';

/** The check settings the series classifier reads. */
export type SeriesCheck = Pick<
  CheckSpec,
  'direction' | 'tolerance' | 'confidence' | 'max' | 'min' | 'aggregate' | 'minSamples'
>;

/** Counts of infinite candidate values in the bad direction, when the baseline has none of them. */
function badInfinities(baseline: CleanSample, candidate: CleanSample, check: SeriesCheck): string | null {
  const problems: string[] = [];
  if (check.direction !== 'decrease' && candidate.positiveInfinite > 0 && baseline.positiveInfinite === 0) {
    problems.push(`${candidate.positiveInfinite} +Inf`);
  }
  if (check.direction !== 'increase' && candidate.negativeInfinite > 0 && baseline.negativeInfinite === 0) {
    problems.push(`${candidate.negativeInfinite} -Inf`);
  }
  if (problems.length === 0) return null;
  return `candidate has ${problems.join(' and ')} value(s) the baseline never had; cannot compare them as numbers`;
}

function tooFew(baseline: CleanSample, candidate: CleanSample, need: number): string {
  return `too few usable samples: baseline ${formatUsable(baseline)}, candidate ${formatUsable(candidate)}; need ${need} each`;
}

interface Sides {
  pair: SeriesPair;
  baseline: SampleSummary;
  candidate: SampleSummary;
}

function untested(
  { pair, baseline, candidate }: Sides,
  verdict: Verdict,
  rule: DecisionRule,
  reason: string,
): SeriesResult {
  return {
    labels: pair.labels,
    verdict,
    baseline,
    candidate,
    relativeChange: null,
    relativeChangeInterval: null,
    test: 'none',
    pValue: null,
    reason,
    rule,
    samples: samplesOf(pair),
  };
}

/** The judged points for charts, in time order (pooled series interleave their points). */
function samplesOf(pair: SeriesPair): { baseline: readonly Point[]; candidate: readonly Point[] } {
  return { baseline: inTimeOrder(pair.baseline), candidate: inTimeOrder(pair.candidate) };
}

/**
 * Judge one baseline/candidate pair against the check's settings; before/after also looks for a
 * trend. `pairing`: the seconds between a candidate point and its baseline point when the sides
 * share time (check-mode.ts pairingOffset), null when they do not.
 */
export function classifySeries(
  check: SeriesCheck,
  pair: SeriesPair,
  mode: CheckMode = 'canary',
  pairing: number | null = null,
): SeriesResult {
  const baseline = cleanPoints(pair.baseline);
  const candidate = cleanPoints(pair.candidate);
  const sides: Sides = { pair, baseline: describeSample(baseline), candidate: describeSample(candidate) };
  const need = Math.max(1, check.minSamples);

  if (pair.duplicated !== undefined && pair.duplicated.length > 0)
    return untested(sides, 'inconclusive', 'duplicate-series', describeDuplicates(pair.duplicated));
  if (candidate.sorted.length < need)
    return untested(sides, 'inconclusive', 'too-few-samples', tooFew(baseline, candidate, need));
  // A broken absolute bound fails on the candidate alone, even without a usable baseline.
  const violation = findBoundViolation(candidate.sorted, check);
  const comparable = baseline.sorted.length >= need;
  const infinities = comparable ? badInfinities(baseline, candidate, check) : null;
  if (!comparable || infinities !== null) {
    if (violation !== null) return untested(sides, 'fail', 'bound', violation);
    return untested(
      sides,
      'inconclusive',
      infinities !== null ? 'infinite-values' : 'too-few-samples',
      infinities ?? tooFew(baseline, candidate, need),
    );
  }

  const judged = compare(check, baseline, candidate, mode, pairing);
  const comparison = judged.outcome;
  const failed = violation !== null || comparison.regressed;
  const [nBaseline, nCandidate] = judged.nEffective;
  const notes = [
    ...describeRepeats(baseline, candidate),
    ...judged.notes,
    ...describeTies(baseline.sorted, candidate.sorted, comparison.relativeChange, check.tolerance),
    ...(judged.unpaired !== undefined ? [judged.unpaired] : []),
  ];
  return {
    labels: pair.labels,
    verdict: failed ? 'fail' : comparison.decidable ? 'pass' : 'inconclusive',
    baseline: { ...sides.baseline, nEffective: roundEffective(nBaseline) },
    candidate: { ...sides.candidate, nEffective: roundEffective(nCandidate) },
    relativeChange: comparison.relativeChange,
    relativeChangeInterval: comparison.relativeChangeInterval,
    ...judged.fields,
    pValue: comparison.pValue,
    alpha: alphaOf(check.confidence),
    reason:
      violation !== null
        ? `${violation}; ${comparison.reason}`
        : comparison.reason + describeBoundsHeld(candidate.sorted, check),
    ...(violation !== null
      ? framePValue(`${violation}; `, comparison.pFrame, '')
      : framePValue('', comparison.pFrame, describeBoundsHeld(candidate.sorted, check))),
    rule: violation !== null ? 'bound' : comparison.rule,
    ...(notes.length > 0 ? { notes } : {}),
    samples: samplesOf(pair),
  };
}

/** What the statistical comparison of one series decided, and how it is reported. */
interface Judged {
  outcome: ComparisonOutcome;
  /** Effective sizes [baseline, candidate]. */
  nEffective: [number, number];
  notes: string[];
  /** Why sides that share time were compared unpaired. */
  unpaired?: string;
  fields: Pick<SeriesResult, 'test' | 'comparison' | 'intervalConfidence'>;
}

/**
 * Paired by timestamp when the sides share time (`pairing` seconds apart) and enough points pair,
 * else as independent samples (saying why pairing was not possible). A plain before/after
 * comparison also looks for a trend in the baseline.
 */
function compare(
  check: SeriesCheck,
  baseline: CleanSample,
  candidate: CleanSample,
  mode: CheckMode,
  pairing: number | null,
): Judged {
  const tried = pairing === null ? null : judgePaired(baseline, candidate, pairing, check);
  if (tried !== null && 'paired' in tried) {
    const { paired } = tried;
    const series = paired.relativeDifferences;
    const growth =
      series === null
        ? null
        : testPairedGrowth(series.times, series.values, series.log, check, alphaOf(check.confidence));
    return {
      outcome: growth === null ? paired : withGrowth(paired, growth, check),
      nEffective: [paired.nEffective, paired.nEffective],
      notes: [],
      fields: { test: 'paired-t', comparison: 'paired', intervalConfidence: paired.intervalConfidence },
    };
  }
  const comparison = compareSamples(baseline, candidate, check);
  // A baseline read `pairing` seconds earlier is compared with the post window's time of day.
  const postTimes = pairing === null ? candidate.times : candidate.times.map((t) => t - pairing);
  const drift = mode === 'before-after' ? describeDrift(baseline, postTimes, check) : null;
  const growth = mode === 'before-after' ? testGrowth(baseline, candidate, check, alphaOf(check.confidence)) : null;
  return {
    outcome: growth === null ? comparison : withGrowth(comparison, growth, check),
    nEffective: comparison.inflation.nEffective as [number, number],
    notes: drift !== null ? [drift] : [],
    ...(tried !== null ? { unpaired: tried.unpaired } : {}),
    fields: {
      test: 'mann-whitney',
      ...(comparison.intervalConfidence !== undefined ? { intervalConfidence: comparison.intervalConfidence } : {}),
      ...(tried !== null ? { comparison: 'independent' as const } : {}),
    },
  };
}

/** Effective sizes are estimates: two significant digits say all they can. */
function roundEffective(value: number): number {
  return Number(value.toPrecision(2));
}

/**
 * When the growth test runs (before/after and paired comparisons with at least MIN_GROWTH_POINTS
 * post points) it decides, with all of alpha: "no regression" is rejected when the post window,
 * weighted toward its end, is beyond the tolerance (drift.ts testGrowth). With equal weights that
 * test is the shift test itself; weights leaning toward the end keep nearly all of its power on a
 * flat step (+20% on 61 / 21 lognormal points: 27.9% against the shift test's 29.9%, 90% of the
 * Neyman-Pearson ceiling of 30.9%) and catch a slow burn far more often (+0% -> +60%: 79% against
 * 59%; ceiling 89.9%). Sharing alpha with the shift test by weighted Simes (the previous design,
 * 90% / 10%) lost on both: Simes spends alpha on each test it keeps, and the two tests are nearly
 * the same test on a step (docs/benchmarks.md, "Slow burns: the post window weighted toward its
 * end"). The shift test still sizes the change, words the window as a whole, and decides alone
 * when the growth test cannot run. The series' p-value is the growth test's, so Holm's adjustment
 * reads the test that decided.
 */
function withGrowth(outcome: ComparisonOutcome, growth: Growth, check: SeriesCheck): ComparisonOutcome {
  const alpha = alphaOf(check.confidence);
  const change = outcome.relativeChange;
  const p = growth.pValue;
  const fitted = p < alpha ? growth.line() : null;
  const growing = fitted?.growing === true ? describeGrowth(growth, fitted, check.confidence) : null;
  const reworded = (frame: NonNullable<ComparisonOutcome['pFrame']>, tail: string): Partial<ComparisonOutcome> => ({
    pValue: p,
    reason: `${frame.before}(${formatP(p)}${frame.after}${tail}`,
    pFrame: { before: frame.before, after: frame.after + tail },
  });
  if (p < alpha) {
    if (outcome.regressed && outcome.pFrame !== undefined)
      return { ...outcome, ...reworded(outcome.pFrame, growing === null ? '' : `; ${growing}`) };
    const before = `${growing ?? describeGrowth(growth, fitted!, check.confidence)}, beyond tolerance ${formatPercent(check.tolerance)} `;
    const frame = { before, after: `, weighted toward the window's end); the window as a whole: ${outcome.reason}` };
    return { ...outcome, decidable: true, regressed: true, rule: 'growing', ...reworded(frame, '') };
  }
  if (!outcome.regressed)
    return outcome.pFrame !== undefined ? { ...outcome, ...reworded(outcome.pFrame, '') } : { ...outcome, pValue: p };
  // Significant on the window as a whole, but not once its points are weighted toward its end.
  const size = change === null ? 'change, ' : `change ${formatChange(change)}, `;
  const frame = {
    before: `${outcome.pFrame?.before ?? size}but not significant weighted toward the window's end `,
    after: `, needs < ${formatValue(alpha)})`,
  };
  return { ...outcome, regressed: false, rule: 'not-significant', ...reworded(frame, '') };
}
