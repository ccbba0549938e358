/**
 * The judges compared on each draw: ours (the real judge: judgeCheck / judgeCountCheck, then
 * judgeRun), plain Mann-Whitney on the points (the previous judge: same tolerance rule, points
 * taken as independent), Kayenta's rule, and for count cells the exact binomial test alone.
 */
import {
  type CheckHistory,
  conditionalBinomialP,
  hodgesLehmannSorted,
  judgeCheck,
  judgeCountCheck,
  judgeRun,
  mannWhitneySorted,
  meanOf,
  quantileSorted,
} from '../../src/judge/index.js';
import type { CheckSpec } from '../../src/spec-model.js';
import type { Series, Verdict } from '../../src/types.js';
import type { CountDraw, PointDraw } from './cells.js';

export type Outcome = Verdict;

/** The check every method is configured with (the spec defaults: 95% confidence, 10% tolerance). */
export function benchCheck(direction: CheckSpec['direction'], step = 30): CheckSpec {
  return {
    name: 'sim',
    source: 'prom',
    query: 'q',
    direction,
    tolerance: 0.1,
    confidence: 0.95,
    step,
    aggregate: 'mean',
    critical: true,
    minSamples: 5,
    ignoreLabels: [],
    positions: {},
  };
}

const finiteSorted = (s: Series): Float64Array =>
  Float64Array.from(s.points.map((p) => p.v).filter(Number.isFinite)).sort();

/** Point values of a draw; for counts, the per-step error ratio (what a ratio query would return). */
function pointsOf(draw: PointDraw | CountDraw): { baseline: Series; candidate: Series } {
  if (draw.kind === 'points') return draw;
  const ratio = (side: { errors: Series; requests: Series }): Series => ({
    labels: {},
    points: side.requests.points.map((p, i) => ({ t: p.t, v: side.errors.points[i]!.v / p.v })),
  });
  return { baseline: ratio(draw.baseline), candidate: ratio(draw.candidate) };
}

/** Ours: the judge as the CLI runs it. */
export function judgeOurs(draw: PointDraw | CountDraw, check: CheckSpec): Outcome {
  if (draw.kind === 'counts') {
    const side = (s: { errors: Series; requests: Series }): { numerator: Series[]; denominator: Series[] } => ({
      numerator: [s.errors],
      denominator: [s.requests],
    });
    const result = judgeCountCheck(
      { ...check, numerator: 'e', denominator: 'r' },
      side(draw.baseline),
      side(draw.candidate),
      'before-after',
    );
    return judgeRun([result]).verdict;
  }
  return judgeRun([
    judgeCheck(
      check,
      [draw.baseline],
      [draw.candidate],
      draw.mode ?? 'before-after',
      draw.offset,
      historyOf(draw, check),
    ),
  ]).verdict;
}

/** A draw's history as the gate reads it: the windows' lengths slid over the history before the deploy. */
function historyOf(draw: PointDraw, check: CheckSpec): CheckHistory | undefined {
  if (draw.history === undefined) return undefined;
  const points = draw.history.series.points;
  const first = points[0]!.t;
  const last = points[points.length - 1]!.t;
  const geometry = {
    baseline: draw.baseline.points.length * check.step,
    gap: 0,
    post: (draw.candidate.points.length - 1) * check.step,
    start: first,
    end: last,
  };
  return { seconds: draw.history.seconds, geometry, series: [draw.history.series] };
}

/** Plain Mann-Whitney on points as if independent, with the same tolerance rule (the judge before this change). */
export function judgePlain(draw: PointDraw | CountDraw, check: CheckSpec): Outcome {
  const { baseline, candidate } = pointsOf(draw);
  const b = finiteSorted(baseline);
  const c = finiteSorted(candidate);
  if (b.length < check.minSamples || c.length < check.minSamples) return 'inconclusive';
  const alternative =
    check.direction === 'increase' ? 'greater' : check.direction === 'decrease' ? 'less' : 'two-sided';
  const { pValue } = mannWhitneySorted(c, b, alternative);
  const hl = hodgesLehmannSorted(b, c, check.confidence);
  const scale = Math.abs(quantileSorted(b, 0.5)) || Math.abs(meanOf(b));
  const shift = hl.estimate === 0 && pValue < 1 - check.confidence ? meanOf(c) - meanOf(b) : hl.estimate;
  const relative = scale > 0 ? shift / scale : Infinity * Math.sign(shift);
  const beyond =
    check.direction === 'increase'
      ? relative > check.tolerance
      : check.direction === 'decrease'
        ? relative < -check.tolerance
        : Math.abs(relative) > check.tolerance;
  return pValue < 1 - check.confidence && beyond ? 'fail' : 'pass';
}

/**
 * Kayenta's MannWhitneyClassifier at its defaults: the 98% interval of the Hodges-Lehmann shift
 * (R's wilcox.test, normal approximation, continuity corrected), High when the whole interval
 * lies above 0.25 * |estimate| and the mean ratio passes allowedIncrease (1.0); Low mirrored;
 * NoData when a side is empty; identical data pass. No tolerance and no p-value of its own.
 */
export function judgeKayenta(draw: PointDraw | CountDraw, check: CheckSpec): Outcome {
  const { baseline, candidate } = pointsOf(draw);
  const b = finiteSorted(baseline);
  const c = finiteSorted(candidate);
  if (b.length === 0 || c.length === 0) return 'inconclusive';
  const hl = hodgesLehmannSorted(b, c, 0.98);
  const critical = 0.25 * Math.abs(hl.estimate);
  const ratio = meanOf(c) / meanOf(b);
  const high = check.direction !== 'decrease' && hl.lower > critical && ratio > 1;
  const low = check.direction !== 'increase' && hl.upper < -critical && ratio < 1;
  return high || low ? 'fail' : 'pass';
}

/** The exact conditional binomial test on the raw counts at alpha, no tolerance: the bound for count cells. */
export function judgeBinomialBound(draw: CountDraw, check: CheckSpec): boolean {
  const sum = (s: Series): number => s.points.reduce((t, p) => t + p.v, 0);
  const xb = sum(draw.baseline.errors);
  const xc = sum(draw.candidate.errors);
  const nb = sum(draw.baseline.requests);
  const nc = sum(draw.candidate.requests);
  if (xb + xc === 0) return false;
  return conditionalBinomialP(xc, xb + xc, nc / (nb + nc), check.direction) < 1 - check.confidence;
}
