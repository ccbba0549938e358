/**
 * The verdict of one matched series, with the rule that decided it in words. Rules, in order:
 * series the backend returned twice with the same labels (inconclusive: they cannot be told
 * apart, so a merge would judge a guess); too few usable candidate values (inconclusive); a broken `max`/`min` bound (fail, whatever
 * else holds); too few usable baseline values (inconclusive); ±Inf in the candidate the bad way
 * while the baseline has none (inconclusive: never pass what could not be measured); then the
 * statistical comparison (inconclusive when the samples are too small for any p below alpha;
 * fail on a significant change beyond tolerance; else pass).
 */
import type { CheckSpec } from '../spec-model.js';
import type { DecisionRule, Point, SampleSummary, SeriesResult, Verdict } from '../types.js';
import { describeBoundsHeld, findBoundViolation } from './bounds.js';
import { cleanPoints, inTimeOrder, type CleanSample } from './clean.js';
import { compareSamples } from './compare.js';
import { alphaOf, framePValue } from './decide.js';
import { describeDrift } from './drift.js';
import type { CheckMode } from './check-mode.js';
import { describeRepeats } from './repeats.js';
import { describeTies } from './ties.js';
import type { SeriesPair } from './match.js';
import { describeSample } from './stats/describe.js';
import { describeDuplicates } from './duplicates.js';
import { formatUsable } from './wording.js';

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

/** Judge one baseline/candidate pair against the check's settings; before/after also looks for a trend. */
export function classifySeries(check: SeriesCheck, pair: SeriesPair, mode: CheckMode = 'canary'): SeriesResult {
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

  const comparison = compareSamples(baseline, candidate, check);
  const failed = violation !== null || comparison.regressed;
  const [nBaseline, nCandidate] = comparison.inflation.nEffective as [number, number];
  const drift = mode === 'before-after' ? describeDrift(baseline, candidate.times, check) : null;
  const notes = [
    ...describeRepeats(baseline, candidate),
    ...(drift !== null ? [drift] : []),
    ...describeTies(baseline.sorted, candidate.sorted, comparison.relativeChange, check.tolerance),
  ];
  return {
    labels: pair.labels,
    verdict: failed ? 'fail' : comparison.decidable ? 'pass' : 'inconclusive',
    baseline: { ...sides.baseline, nEffective: roundEffective(nBaseline) },
    candidate: { ...sides.candidate, nEffective: roundEffective(nCandidate) },
    relativeChange: comparison.relativeChange,
    relativeChangeInterval: comparison.relativeChangeInterval,
    ...(comparison.intervalConfidence !== undefined ? { intervalConfidence: comparison.intervalConfidence } : {}),
    test: 'mann-whitney',
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

/** Effective sizes are estimates: two significant digits say all they can. */
function roundEffective(value: number): number {
  return Number(value.toPrecision(2));
}
