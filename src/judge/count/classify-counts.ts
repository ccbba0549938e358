/**
 * The verdict of one matched count series. Rules, in order: series the backend returned twice
 * with the same labels (inconclusive: their counts cannot be told apart); fewer trials than `minTraffic` on a
 * side (inconclusive: a rate over 40 requests says nothing); a broken `max`/`min` bound on the
 * candidate's rate (fail); no events on either side over little traffic (inconclusive: a rate
 * below about 3 / trials cannot be told from 0); then the exact conditional binomial test on the
 * counts deflated by their dispersion (inconclusive when too few events for any p below alpha;
 * fail on a significant change beyond tolerance; else pass).
 */
import type { CheckSpec } from '../../spec-model.js';
import type { DecisionRule, Labels, SampleSummary, SeriesResult, Verdict } from '../../types.js';
import { alphaOf, framePValue, isBeyond } from '../decide.js';
import { quantileSorted } from '../stats/describe.js';
import { describeDuplicates } from '../duplicates.js';
import { formatValue } from '../wording.js';
import { compareCounts, type CountTotals } from './compare-counts.js';
import { sumSteps, type CountSide } from './count-series.js';
import { sideDispersions, singleStepDispersions } from './dispersion.js';
import { ruleOut } from './rule-out.js';
import { comparePairedCounts, pairable, pairSteps } from './paired-counts.js';
import { countImpact } from '../impact/count-impact.js';

/** Denominator events each side needs when the check sets no `minTraffic`. */
export const DEFAULT_MIN_TRAFFIC = 100;
/** With no events on either side, each side needs this many times minTraffic before "no events" passes. */
const NO_EVENTS_FACTOR = 10;

/** The check settings the count classifier reads. */
export type CountCheck = Pick<CheckSpec, 'direction' | 'tolerance' | 'confidence' | 'max' | 'min' | 'minTraffic'> & {
  /**
   * Set for the success checks of sampled sources: a pass must rule out a rise of the event share
   * beyond the baseline's plus this absolute margin (or beyond `max`), see rule-out.ts.
   */
  margin?: number;
};

function summarise(side: CountSide, totals: CountTotals, dispersion: number): SampleSummary {
  const rates = Float64Array.from(side.steps.filter((s) => s.trials > 0).map((s) => s.events / s.trials)).sort();
  const rate = totals.trials > 0 ? totals.events / totals.trials : null;
  return {
    n: side.steps.length,
    mean: rate,
    median: rates.length > 0 ? quantileSorted(rates, 0.5) : null,
    p95: rates.length > 0 ? quantileSorted(rates, 0.95) : null,
    nan: side.dropped,
    infinite: 0,
    nEffective: Number((totals.trials / dispersion).toPrecision(3)),
    events: totals.events,
    trials: totals.trials,
    rate,
    dispersion: Number(dispersion.toPrecision(3)),
  };
}

function boundViolation(rate: number | null, check: CountCheck): string | null {
  if (rate === null) return null;
  if (check.max !== undefined && rate > check.max)
    return `rate ${formatValue(rate)} above max ${formatValue(check.max)}`;
  if (check.min !== undefined && rate < check.min)
    return `rate ${formatValue(rate)} below min ${formatValue(check.min)}`;
  return null;
}

const counts = (t: CountTotals): string => `${formatValue(t.events)} events in ${formatValue(t.trials)}`;

/**
 * How the sides may be paired by step: the baseline step of a post step at t is at t - offset
 * (`baseline.offset`; 0 for a canary read over the same window). Absent: windows compared whole.
 */
export interface CountPairing {
  offset: number;
}

/** Judge one baseline/candidate pair of count series. */
export function classifyCountSeries(
  check: CountCheck,
  labels: Labels,
  baselineSide: CountSide,
  candidateSide: CountSide,
  pairing?: CountPairing,
): SeriesResult {
  const b = sumSteps(baselineSide);
  const c = sumSteps(candidateSide);
  const [db, dc] = sideDispersions(baselineSide.steps, candidateSide.steps);
  const base = {
    labels,
    baseline: summarise(baselineSide, b, db),
    candidate: summarise(candidateSide, c, dc),
    alpha: alphaOf(check.confidence),
  };
  const notes = describeFill(baselineSide, candidateSide);
  const untested = (verdict: Verdict, rule: DecisionRule, reason: string): SeriesResult => ({
    ...base,
    verdict,
    relativeChange: null,
    relativeChangeInterval: null,
    test: 'none',
    pValue: null,
    reason,
    rule,
    ...(notes.length > 0 ? { notes } : {}),
  });
  const duplicated = [...(baselineSide.duplicated ?? []), ...(candidateSide.duplicated ?? [])];
  if (duplicated.length > 0) return untested('inconclusive', 'duplicate-series', describeDuplicates(duplicated));
  const minTraffic = check.minTraffic ?? DEFAULT_MIN_TRAFFIC;
  const violation = boundViolation(c.trials > 0 ? c.events / c.trials : null, check);
  if (b.trials < minTraffic || c.trials < minTraffic) {
    const reason = `too little traffic: baseline ${counts(b)}, candidate ${counts(c)}; need ${formatValue(minTraffic)} trials each (minTraffic)`;
    return violation !== null && c.trials >= minTraffic
      ? untested('fail', 'bound', violation)
      : untested('inconclusive', 'low-traffic', reason);
  }
  const rulesOut = check.margin !== undefined && check.direction === 'increase';
  if (b.events === 0 && c.events === 0 && violation === null && !rulesOut) {
    const need = NO_EVENTS_FACTOR * minTraffic;
    if (b.trials < need || c.trials < need) {
      return untested(
        'inconclusive',
        'no-events',
        `no events on either side (baseline ${counts(b)}, candidate ${counts(c)}): a rate below about ${formatValue(3 / c.trials)} cannot be told from 0; need ${formatValue(need)} trials each`,
      );
    }
  }
  const drift = Math.max(db, dc) / Math.max(...singleStepDispersions(baselineSide.steps, candidateSide.steps));
  return testCounts(check, {
    base,
    b,
    c,
    db,
    dc,
    violation,
    rulesOut,
    notes,
    baselineSide,
    candidateSide,
    pairing,
    drift,
  });
}

/** What classifyCountSeries knows once the counts can be tested: the sides, their dispersions, a bound broken. */
interface TestedCounts {
  base: Pick<SeriesResult, 'labels' | 'baseline' | 'candidate' | 'alpha'>;
  b: CountTotals;
  c: CountTotals;
  db: number;
  dc: number;
  violation: string | null;
  rulesOut: boolean;
  notes: string[];
  baselineSide: CountSide;
  candidateSide: CountSide;
  pairing: CountPairing | undefined;
  /** How many times the long-run part widened the variance over single steps' dispersion. */
  drift: number;
}

/**
 * Above this widening by drift, a change beyond the tolerance that the widened test cannot confirm
 * is inconclusive, not a pass: the windows cannot tell a shift from the rate's own wandering (a
 * baseline that already holds the change's first steps reads as a drifting rate).
 */
const DRIFT_UNDECIDED = 2;

/** The comparison by step when the sides pair (else null, with a note saying why not). */
function pairedComparison(
  check: CountCheck,
  { baselineSide, candidateSide, c, pairing }: TestedCounts,
): { comparison: ReturnType<typeof comparePairedCounts> | null; note: string | null } {
  // Samples of a sampled source (a margin is set) are not steps of a shared clock: never paired.
  if (pairing === undefined || check.margin !== undefined) return { comparison: null, note: null };
  const pairs = pairSteps(baselineSide, candidateSide, pairing.offset);
  if (!pairable(pairs, c.trials)) {
    return {
      comparison: null,
      note: `could not pair the steps (${pairs.length} post steps found their baseline step ${formatValue(pairing.offset)} s earlier): compared as independent windows`,
    };
  }
  return { comparison: comparePairedCounts(pairs, check), note: null };
}

/**
 * The binomial test of two sides with enough traffic, deflated by their dispersion; for a success
 * check of a sampled source, a pass also needs the samples to rule out a rise (rule-out.ts).
 */
function testCounts(check: CountCheck, tested: TestedCounts): SeriesResult {
  const { base, b, c, db, dc, violation, rulesOut } = tested;
  const paired = pairedComparison(check, tested);
  const notes = paired.note === null ? tested.notes : [...tested.notes, paired.note];
  const comparison =
    paired.comparison ??
    compareCounts(
      { events: b.events / db, trials: b.trials / db },
      { events: c.events / dc, trials: c.trials / dc },
      check,
    );
  const dispersed =
    paired.comparison !== null
      ? paired.comparison.dispersion > 1
        ? `; variance times ${formatValue(Number(paired.comparison.dispersion.toPrecision(3)))} for what the pairs leave (bursts, drift)`
        : ''
      : db > 1 || dc > 1
        ? `; counts divided by their dispersion (${formatValue(Number(db.toPrecision(3)))} and ${formatValue(Number(dc.toPrecision(3)))}) for bursts and drift`
        : '';
  const impact = countImpact(
    paired.comparison !== null && Number.isFinite(paired.comparison.estimate) && paired.comparison.estimate > 0
      ? {
          events: paired.comparison.events.candidate,
          expected: paired.comparison.events.candidate / paired.comparison.estimate,
          baselineEvents: paired.comparison.events.baseline,
          trialRatio: c.trials / b.trials,
          dispersion: [paired.comparison.dispersion, paired.comparison.dispersion],
          confidence: check.confidence,
        }
      : {
          events: c.events,
          expected: (c.trials * b.events) / b.trials,
          baselineEvents: b.events,
          trialRatio: c.trials / b.trials,
          dispersion: [db, dc],
          confidence: check.confidence,
        },
  );
  const failed = violation !== null || comparison.regressed;
  // Success checks of sampled sources pass only on what the samples rule out.
  const bounded =
    rulesOut && !failed
      ? ruleOut(
          { events: b.events / db, trials: b.trials / db },
          { events: c.events / dc, trials: c.trials / dc },
          check,
        )
      : null;
  // A pass needs the change to be within the tolerance or the drift to be small enough to tell.
  const hidden =
    !failed &&
    bounded === null &&
    paired.comparison === null &&
    comparison.decidable &&
    tested.drift > DRIFT_UNDECIDED &&
    (comparison.relativeChange === null
      ? c.events > 0 && check.direction !== 'decrease'
      : isBeyond(comparison.relativeChange, check.tolerance, check.direction));
  const verdict: Verdict = failed
    ? 'fail'
    : bounded !== null
      ? bounded.ruledOut
        ? 'pass'
        : 'inconclusive'
      : comparison.decidable && !hidden
        ? 'pass'
        : 'inconclusive';
  const undecided = hidden
    ? `; the rate drifts within the windows (variance x${formatValue(Number(tested.drift.toPrecision(2)))} over single steps): a change this size cannot be told from the drift on these windows`
    : '';
  return {
    ...base,
    verdict,
    relativeChange: comparison.relativeChange,
    relativeChangeInterval: comparison.relativeChangeInterval,
    intervalConfidence: comparison.intervalConfidence,
    ...(tested.pairing !== undefined && check.margin === undefined
      ? { comparison: paired.comparison !== null ? ('paired' as const) : ('independent' as const) }
      : {}),
    impact,
    test: 'binomial',
    pValue: comparison.pValue,
    reason: `${violation !== null ? `${violation}; ` : ''}${bounded !== null ? bounded.reason : comparison.reason} (${counts(b)} vs ${counts(c)})${dispersed}${undecided}`,
    // A rule-out decision words no p-value, so there is nothing for Holm's adjustment to re-word.
    ...(bounded === null
      ? framePValue(
          violation !== null ? `${violation}; ` : '',
          comparison.pFrame,
          ` (${counts(b)} vs ${counts(c)})${dispersed}${undecided}`,
        )
      : {}),
    rule:
      violation !== null
        ? 'bound'
        : bounded !== null
          ? bounded.ruledOut
            ? 'ruled-out'
            : 'not-ruled-out'
          : hidden
            ? 'too-few-effective-samples'
            : comparison.rule,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function describeFill(baseline: CountSide, candidate: CountSide): string[] {
  const filled = baseline.zeroFilled + candidate.zeroFilled;
  if (filled === 0) return [];
  return [
    `${filled} step(s) had traffic but no numerator sample and were counted as 0 events (a query for errors returns nothing where there were none)`,
  ];
}
