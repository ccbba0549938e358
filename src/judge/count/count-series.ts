/**
 * One side of a count check as steps of (events, trials): each numerator series is paired with
 * its denominator series by labels (as baseline is paired with candidate), then their points by
 * timestamp. Each point counts the events of one step, so a side's total is the sum of its points.
 *
 * A denominator series with no numerator partner counts 0 events: `sum by (route) (increase(
 * errors[1m]))` returns no series at all for a route that had no errors. A denominator step whose
 * numerator point is missing likewise counts 0 events, and both are reported in `zeroFilled`.
 * A NaN or infinite count on either query drops the step (counted in `dropped`).
 */
import type { Labels, Point, Series } from '../../types.js';
import { matchSeries } from '../match.js';

/** The numerator (events) and denominator (trials) series of one side. */
export interface CountSeries {
  numerator: Series[];
  denominator: Series[];
}

/** One step of one series: events out of trials. */
export interface CountStep {
  t: number;
  events: number;
  trials: number;
}

/** One series of one side, as steps. */
export interface CountSide {
  labels: Labels;
  steps: CountStep[];
  /** Steps dropped because a count was NaN, infinite or negative. */
  dropped: number;
  /** Denominator steps without a numerator point, counted as 0 events. */
  zeroFilled: number;
  /** Label sets the backend returned more than once, pooled into this side (match.ts). */
  duplicated?: Labels[];
}

/** Summed events and trials of a side. */
export function sumSteps(side: CountSide): { events: number; trials: number } {
  let events = 0;
  let trials = 0;
  for (const s of side.steps) {
    events += s.events;
    trials += s.trials;
  }
  return { events, trials };
}

/** The per-step rate events / trials in time order, for charts; steps without trials have none. */
export function ratePoints(side: CountSide): Point[] {
  return side.steps
    .filter((s) => s.trials > 0)
    .map((s) => ({ t: s.t, v: s.events / s.trials }))
    .sort((a, b) => a.t - b.t);
}

/** The series of a side, and numerator series that had no denominator (judged inconclusive). */
export interface CountSideSet {
  series: Series[];
  sides: CountSide[];
  unmatchedNumerators: Labels[];
  /** The same numerator series with their points. */
  numeratorsWithoutDenominator: Series[];
}

const usable = (v: number): boolean => Number.isFinite(v) && v >= 0;

function buildSide(labels: Labels, denominator: readonly Point[], numerator: readonly Point[]): CountSide {
  const events = new Map<number, number>();
  for (const p of numerator) events.set(p.t, (events.get(p.t) ?? 0) + p.v);
  const byTime = new Map<number, number>();
  for (const p of denominator) byTime.set(p.t, (byTime.get(p.t) ?? 0) + p.v);
  const steps: CountStep[] = [];
  let dropped = 0;
  let zeroFilled = 0;
  for (const [t, trials] of [...byTime].sort((a, b) => a[0] - b[0])) {
    const e = events.get(t);
    if (e === undefined) zeroFilled++;
    const count = e ?? 0;
    if (!usable(trials) || !usable(count)) dropped++;
    else steps.push({ t, events: count, trials });
  }
  // Numerator points at times with no denominator point cannot be judged either.
  for (const t of events.keys()) if (!byTime.has(t)) dropped++;
  return { labels, steps, dropped, zeroFilled };
}

/**
 * Pair numerators with denominators of one side. The result's `series` carry the denominator's
 * labels with one point per side index (v = index), so baseline and candidate can be matched by
 * the same rules as point checks.
 */
export function buildCountSides(counts: CountSeries, ignoreLabels: readonly string[]): CountSideSet {
  if (counts.denominator.length === 0) {
    return {
      series: [],
      sides: [],
      unmatchedNumerators: counts.numerator.map((s) => s.labels),
      numeratorsWithoutDenominator: counts.numerator,
    };
  }
  const empty: Series = { labels: {}, points: [] };
  // With no numerator series at all, every denominator counts 0 events.
  const numerators = counts.numerator.length > 0 ? counts.numerator : [empty];
  const matched = matchSeries(counts.denominator, numerators, ignoreLabels);
  const sides: CountSide[] = matched.pairs.map((pair) =>
    withDuplicates(
      buildSide(pair.labels, pair.baseline, counts.numerator.length > 0 ? pair.candidate : []),
      pair.duplicated,
    ),
  );
  const unpartnered = matched.oneSided.baseline.map((series) => {
    const points = counts.denominator
      .filter((s) => sameLabels(strip(s.labels, ignoreLabels, matched.droppedLabels), series.labels))
      .flatMap((s) => s.points);
    return withDuplicates(buildSide(series.labels, points, []), series.duplicated);
  });
  const all = [...sides, ...unpartnered];
  return {
    series: all.map((side, i) => ({ labels: side.labels, points: [{ t: i, v: i }] })),
    sides: all,
    unmatchedNumerators: counts.numerator.length > 0 ? matched.unmatched.candidate : [],
    numeratorsWithoutDenominator: counts.numerator.length > 0 ? matched.oneSided.candidate : [],
  };
}

function withDuplicates(side: CountSide, duplicated: Labels[] | undefined): CountSide {
  return duplicated !== undefined && duplicated.length > 0 ? { ...side, duplicated } : side;
}

function strip(labels: Labels, ignore: readonly string[], dropped: readonly string[]): Labels {
  const drop = new Set([...ignore, ...dropped]);
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !drop.has(k)));
}

function sameLabels(a: Labels, b: Labels): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Several side series pooled under one label set (e.g. pods when `pod` is ignored) as one. */
export function poolSides(sides: readonly CountSide[], labels: Labels): CountSide {
  return {
    labels,
    steps: sides.flatMap((s) => s.steps).sort((a, b) => a.t - b.t),
    dropped: sides.reduce((n, s) => n + s.dropped, 0),
    zeroFilled: sides.reduce((n, s) => n + s.zeroFilled, 0),
    ...(sides.some((s) => s.duplicated) ? { duplicated: sides.flatMap((s) => s.duplicated ?? []) } : {}),
  };
}
