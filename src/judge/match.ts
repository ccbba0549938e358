/**
 * Pair baseline series with candidate series by their labels.
 *
 * Labels in `ignoreLabels` are removed first. A label that is constant within each side but has
 * a different value on each side (track="stable" vs "canary", version="v1" vs "v2") can never
 * match, so it is dropped too; this is what makes canary queries pair up without configuration.
 * Series that share the same labels after that are pooled (e.g. pods when `pod` is ignored).
 * When each side has exactly one series they are paired whatever their labels. Series left on one
 * side only are returned with their points: the judge judges them against their absence
 * (one-sided.ts), never leaves them out.
 */
import type { Labels, Point, Series } from '../types.js';

/** A baseline and a candidate series judged together. */
export interface SeriesPair {
  /** The labels the pair was matched on (after ignoring and dropping). */
  labels: Labels;
  baseline: Point[];
  candidate: Point[];
}

/** The pairs, the series left without a partner, and the labels dropped to pair them. */
export interface MatchResult {
  pairs: SeriesPair[];
  /** The labels of the series found on one side only. */
  unmatched: { baseline: Labels[]; candidate: Labels[] };
  /** The same one-sided series with their points (pooled like a pair's), for judging them against their absence. */
  oneSided: { baseline: Series[]; candidate: Series[] };
  /** Labels dropped because they were constant on each side but differed between the sides. */
  droppedLabels: string[];
}

const ABSENT = '\u0000absent';

function withoutLabels(labels: Labels, drop: ReadonlySet<string>): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => !drop.has(key)));
}

/** The value of `key` shared by every series of a side (ABSENT counts as a value), or undefined. */
function constantValue(series: readonly Series[], key: string): string | undefined {
  const values = new Set(series.map((s) => s.labels[key] ?? ABSENT));
  return values.size === 1 ? [...values][0] : undefined;
}

/** Labels constant within each side whose values differ between the sides. */
export function findSideLabels(baseline: readonly Series[], candidate: readonly Series[]): string[] {
  const keys = new Set([...baseline, ...candidate].flatMap((s) => Object.keys(s.labels)));
  return [...keys].sort().filter((key) => {
    const b = constantValue(baseline, key);
    const c = constantValue(candidate, key);
    return b !== undefined && c !== undefined && b !== c;
  });
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Series grouped by their label key; points of series with the same key are pooled. */
function groupByLabels(series: readonly Series[]): Map<string, { labels: Labels; points: Point[] }> {
  const groups = new Map<string, { labels: Labels; points: Point[] }>();
  for (const s of series) {
    const key = labelKey(s.labels);
    const group = groups.get(key);
    // Copy only when a second series joins: most keys hold one series.
    if (group) group.points = [...group.points, ...s.points];
    else groups.set(key, { labels: s.labels, points: s.points });
  }
  return groups;
}

/** Labels equal on both sides, for naming a pair matched without its labels. */
function commonLabels(a: Labels, b: Labels): Labels {
  return Object.fromEntries(Object.entries(a).filter(([key, value]) => b[key] === value));
}

/** Pair series across the sides; both sides are expected to be non-empty. */
export function matchSeries(baseline: readonly Series[], candidate: readonly Series[], ignoreLabels: readonly string[]): MatchResult {
  const ignored = new Set(ignoreLabels);
  const strip = (s: Series): Series => ({ labels: withoutLabels(s.labels, ignored), points: s.points });
  const base = baseline.map(strip);
  const cand = candidate.map(strip);
  const droppedLabels = findSideLabels(base, cand);
  const dropped = new Set(droppedLabels);
  const b = groupByLabels(base.map((s) => ({ labels: withoutLabels(s.labels, dropped), points: s.points })));
  const c = groupByLabels(cand.map((s) => ({ labels: withoutLabels(s.labels, dropped), points: s.points })));
  if (b.size === 1 && c.size === 1) {
    const [onlyB] = b.values();
    const [onlyC] = c.values();
    if (onlyB && onlyC) {
      const pair = { labels: commonLabels(onlyB.labels, onlyC.labels), baseline: onlyB.points, candidate: onlyC.points };
      return { pairs: [pair], unmatched: { baseline: [], candidate: [] }, oneSided: { baseline: [], candidate: [] }, droppedLabels };
    }
  }
  const pairs: SeriesPair[] = [];
  for (const [key, group] of c) {
    const other = b.get(key);
    if (other) pairs.push({ labels: group.labels, baseline: other.points, candidate: group.points });
  }
  const onlyBaseline = [...b].filter(([key]) => !c.has(key)).map(([, g]) => g);
  const onlyCandidate = [...c].filter(([key]) => !b.has(key)).map(([, g]) => g);
  return {
    pairs,
    unmatched: { baseline: onlyBaseline.map((g) => g.labels), candidate: onlyCandidate.map((g) => g.labels) },
    oneSided: { baseline: onlyBaseline, candidate: onlyCandidate },
    droppedLabels,
  };
}
