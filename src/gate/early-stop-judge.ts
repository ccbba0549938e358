/**
 * A run stopped early: the series the sequential test was certain of fails (test
 * 'sequential-binomial' or 'sequential-mixture', rule 'sequential', p from the e-value); every
 * other check is judged on the post window so far and, as after an interrupt (partial.ts), none
 * may pass on a window cut short. The verdict is fail anyway: a critical check failed.
 */
import { formatChange, formatPercent, formatValue } from '../judge/wording.js';
import { formatEvidence } from '../judge/sequential/format.js';
import type { Source } from '../sources/types.js';
import { formatMoment } from '../time/moment.js';
import type { CheckResult, Labels, Point, SampleSummary, SeriesResult } from '../types.js';
import { cleanPoints } from '../judge/clean.js';
import { describeSample } from '../judge/stats/describe.js';
import type { SeriesLook } from '../judge/sequential/index.js';
import type { ValueLook } from '../judge/sequential/value-look.js';
import { judgedChange } from './early-stop-estimate.js';
import type { CountPair } from './early-stop-series.js';
import { summariseSeries } from '../judge/check-summary.js';
import { quantileSorted } from '../judge/stats/describe.js';
import { worstVerdict } from '../judge/verdict.js';
import { ratePoints, type CountSide } from '../judge/count/count-series.js';
import type { EarlyStopDecision } from './early-stop.js';
import { watchedSettings } from './early-stop-watched.js';
import type { JudgedPart } from './assemble-result.js';
import { readRange } from './execute.js';
import { clipPlanToNow } from './partial.js';
import type { RunPlan } from './plan.js';
import { countImpact } from '../judge/impact/count-impact.js';

function summarise(side: CountSide, events: number, trials: number, dispersion: number): SampleSummary {
  const rate = trials > 0 ? events / trials : null;
  const rates = Float64Array.from(side.steps.filter((s) => s.trials > 0).map((s) => s.events / s.trials)).sort();
  const median = rates.length > 0 ? quantileSorted(rates, 0.5) : null;
  const p95 = rates.length > 0 ? quantileSorted(rates, 0.95) : null;
  return {
    n: side.steps.length,
    mean: rate,
    median,
    p95,
    nan: side.dropped,
    infinite: 0,
    events,
    trials,
    rate,
    dispersion: Number(dispersion.toPrecision(3)),
  };
}

/** The failing series of the stopped check, worded from the look that stopped. */
export function sequentialSeries(decision: EarlyStopDecision): SeriesResult {
  const { pair, look } = decision;
  if (pair.kind === 'count' && look.kind === 'count') return countSequentialSeries(decision, pair.counts, look.look);
  if (pair.kind === 'value' && look.kind === 'value')
    return valueSequentialSeries(decision, pair.baseline, pair.candidate, look.look);
  throw new Error('bug: a look of another kind than its series');
}

function countSequentialSeries(decision: EarlyStopDecision, pair: CountPair, look: SeriesLook): SeriesResult {
  const { check } = decision;
  const rate = (t: { events: number; trials: number }): number => t.events / t.trials;
  const before = rate(look.baseline);
  const after = rate(look.candidate);
  const [db, dc] = look.dispersion;
  const dispersed =
    db > 1 || dc > 1
      ? `; counts divided by their dispersion (${formatValue(db)} and ${formatValue(dc)}) for bursts`
      : '';
  const change = judgedChange(check, decision.pair);
  const reason =
    `${describeStop(decision, look.logBayesFactor, look.threshold)}; ` +
    `rate ${formatPercent(before)} -> ${formatPercent(after)}${change === null ? '' : ` (${formatChange(change)})`}, ` +
    `${formatValue(look.baseline.events)} events in ${formatValue(look.baseline.trials)} vs ${formatValue(look.candidate.events)} in ${formatValue(look.candidate.trials)}${dispersed}`;
  return {
    labels: pair.labels,
    verdict: 'fail',
    baseline: summarise(pair.baseline, look.baseline.events, look.baseline.trials, db),
    candidate: summarise(pair.candidate, look.candidate.events, look.candidate.trials, dc),
    relativeChange: change,
    relativeChangeInterval: null,
    test: 'sequential-binomial',
    pValue: look.pValue,
    alpha: decision.alpha,
    impact: countImpact({
      events: look.candidate.events,
      expected: before * look.candidate.trials,
      baselineEvents: look.baseline.events,
      trialRatio: look.candidate.trials / look.baseline.trials,
      dispersion: [db, dc],
      confidence: decision.check.confidence,
    }),
    reason,
    rule: 'sequential',
    samples: { baseline: ratePoints(pair.baseline), candidate: ratePoints(pair.candidate) },
  };
}

function valueSequentialSeries(
  decision: EarlyStopDecision,
  baseline: readonly Point[],
  candidate: readonly Point[],
  look: ValueLook,
): SeriesResult {
  const change = judgedChange(decision.check, decision.pair);
  const skipped =
    look.skipped > 0
      ? `; ${look.skipped} value(s) set aside (not finite${look.scale === 'log' ? ' or <= 0' : ''})`
      : '';
  // The stop held on the points outside the strongest run one restart blip could fill (value-look.ts).
  const robust = look.span > 1 ? `, and without the strongest ${look.span} points in a row` : '';
  const reason =
    `${describeStop(decision, look.logMixture, valueStopsAt(decision.alpha))}; ` +
    `${change === null ? 'change n/a' : formatChange(change)} over ${look.values} value(s)${robust}${skipped}`;
  return {
    labels: decision.pair.labels,
    verdict: 'fail',
    baseline: describeSample(cleanPoints(baseline)),
    candidate: describeSample(cleanPoints(candidate)),
    relativeChange: change,
    relativeChangeInterval: null,
    test: 'sequential-mixture',
    // p <= alpha' exactly when the mixture reached 2 / alpha' (value-test.ts splits alpha in two).
    pValue: Math.min(1, 2 * Math.exp(-look.logMixture)),
    alpha: decision.alpha,
    reason,
    rule: 'sequential',
    samples: { baseline, candidate },
  };
}

/**
 * "stopped early 3m00s after the deploy (10:03:00Z): anytime-valid test certain of a rise beyond
 * tolerance 10%, evidence over 1000x of the 40x needed (p < 0.001) over 2 sequential tests": the
 * moment on the run's one clock and the evidence in the progress line's own words.
 */
function describeStop(decision: EarlyStopDecision, logEvidence: number, needed: number): string {
  const { direction, tolerance } = watchedSettings(decision.check);
  const family = decision.tests > 1 ? ` over ${decision.tests} sequential tests` : '';
  return (
    `stopped early ${formatMoment(decision.at, decision.deployedAt)}: anytime-valid test certain of a ` +
    `${direction === 'decrease' ? 'fall' : 'rise'} beyond tolerance ${formatPercent(tolerance)}, ` +
    `${formatEvidence(logEvidence, needed, decision.alpha)}${family}`
  );
}

/** The e-value at which the value test stops: it spends alpha/2 on the baseline's bound (value-test.ts). */
function valueStopsAt(alpha: number): number {
  return 2 / alpha;
}

const sameLabels = (a: Labels, b: Labels): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The check with the stopped series in place of its fixed-n result on the data so far. */
export function withSequentialSeries(check: CheckResult, series: SeriesResult): CheckResult {
  const at = check.series.findIndex((s) => sameLabels(s.labels, series.labels));
  const all = at < 0 ? [...check.series, series] : check.series.map((s, i) => (i === at ? series : s));
  // A check with no series was unread or had no data: its reason was not a summary of series.
  const tail = check.series.length > 0 ? (check.reasonTail ?? '') : '';
  const { error: _error, errorKind: _errorKind, ...rest } = check;
  return {
    ...rest,
    series: all,
    verdict: worstVerdict(
      all.map((s) => s.verdict),
      'inconclusive',
    ),
    reason: summariseSeries(all) + tail,
  };
}

/** The range checks of a run stopped early at `decision.at`: the stopped series fails, and the part is cut short. */
export async function judgeStoppedEarly(
  plan: RunPlan,
  sources: Record<string, Source>,
  decision: EarlyStopDecision,
  signal: AbortSignal,
): Promise<JudgedPart> {
  const part = await readRange(clipPlanToNow(plan, decision.at), sources, signal);
  const series = sequentialSeries(decision);
  const decidedAfter = Math.max(0, decision.at - plan.checks[decision.checkIndex]!.windows.postOpens);
  return {
    ...part,
    checks: part.checks.map((check, i) =>
      i === decision.checkIndex
        ? { ...withSequentialSeries(check, series), decidedAfter, decidedAt: decision.at }
        : check,
    ),
    cutShort: {
      kind: 'early-stop',
      at: decision.at,
      readyAt: plan.readyAt,
      check: decision.check.name,
      deployedAt: plan.deployedAt,
    },
  };
}
