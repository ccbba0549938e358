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
 *
 * Two series with identical labels in one answer (a misbehaving backend or proxy; Prometheus never
 * returns them) cannot be told apart: pooling them like pods would judge a guess, so the group
 * that holds them names them in `duplicated` and the judge makes it inconclusive.
 */
import type { Labels, Point, Series } from '../types.js';

/** A baseline and a candidate series judged together. */
export interface SeriesPair {
  /** The labels the pair was matched on (after ignoring and dropping). */
  labels: Labels;
  baseline: Point[];
  candidate: Point[];
  /** Label sets the backend returned more than once on a side, pooled into this pair. */
  duplicated?: Labels[];
}

/** A series found on one side only, pooled like a pair's side. */
export interface OneSidedSeries extends Series {
  /** Label sets the backend returned more than once, pooled into this series. */
  duplicated?: Labels[];
}

/** The pairs, the series left without a partner, and the labels dropped to pair them. */
export interface MatchResult {
  pairs: SeriesPair[];
  /** The labels of the series found on one side only. */
  unmatched: { baseline: Labels[]; candidate: Labels[] };
  /** The same one-sided series with their points (pooled like a pair's), for judging them against their absence. */
  oneSided: { baseline: OneSidedSeries[]; candidate: OneSidedSeries[] };
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

interface Group {
  labels: Labels;
  points: Point[];
  duplicated: Labels[];
}

/** Series grouped by their label key; points of series with the same key are pooled. `raw` are the labels as answered. */
function groupByLabels(series: readonly { labels: Labels; points: Point[]; raw: Labels }[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  const seen = new Map<string, number>();
  for (const s of series) {
    const key = labelKey(s.labels);
    const group = groups.get(key);
    // Copy only when a second series joins: most keys hold one series.
    if (group) group.points = [...group.points, ...s.points];
    else groups.set(key, { labels: s.labels, points: s.points, duplicated: [] });
    const rawKey = labelKey(s.raw);
    const times = (seen.get(rawKey) ?? 0) + 1;
    seen.set(rawKey, times);
    if (times === 2) groups.get(key)!.duplicated.push(s.raw);
  }
  return groups;
}

/** The labels returned more than once, if any, as an optional field. */
function withDuplicates(...groups: Group[]): { duplicated?: Labels[] } {
  const duplicated = groups.flatMap((g) => g.duplicated);
  return duplicated.length > 0 ? { duplicated } : {};
}

const asOneSided = (g: Group): OneSidedSeries => ({ labels: g.labels, points: g.points, ...withDuplicates(g) });

/** Labels equal on both sides, for naming a pair matched without its labels. */
function commonLabels(a: Labels, b: Labels): Labels {
  return Object.fromEntries(Object.entries(a).filter(([key, value]) => b[key] === value));
}

/** Pair series across the sides; both sides are expected to be non-empty. */
export function matchSeries(
  baseline: readonly Series[],
  candidate: readonly Series[],
  ignoreLabels: readonly string[],
): MatchResult {
  const ignored = new Set(ignoreLabels);
  const strip = (s: Series): Series => ({ labels: withoutLabels(s.labels, ignored), points: s.points });
  const base = baseline.map(strip);
  const cand = candidate.map(strip);
  const droppedLabels = findSideLabels(base, cand);
  const dropped = new Set(droppedLabels);
  const b = groupByLabels(
    base.map((s, i) => ({ labels: withoutLabels(s.labels, dropped), points: s.points, raw: baseline[i]!.labels })),
  );
  const c = groupByLabels(
    cand.map((s, i) => ({ labels: withoutLabels(s.labels, dropped), points: s.points, raw: candidate[i]!.labels })),
  );
  if (b.size === 1 && c.size === 1) {
    const [onlyB] = b.values();
    const [onlyC] = c.values();
    if (onlyB && onlyC) {
      const pair = {
        labels: commonLabels(onlyB.labels, onlyC.labels),
        baseline: onlyB.points,
        candidate: onlyC.points,
        ...withDuplicates(onlyB, onlyC),
      };
      return {
        pairs: [pair],
        unmatched: { baseline: [], candidate: [] },
        oneSided: { baseline: [], candidate: [] },
        droppedLabels,
      };
    }
  }
  const pairs: SeriesPair[] = [];
  for (const [key, group] of c) {
    const other = b.get(key);
    if (other)
      pairs.push({
        labels: group.labels,
        baseline: other.points,
        candidate: group.points,
        ...withDuplicates(other, group),
      });
  }
  const onlyBaseline = [...b].filter(([key]) => !c.has(key)).map(([, g]) => g);
  const onlyCandidate = [...c].filter(([key]) => !b.has(key)).map(([, g]) => g);
  return {
    pairs,
    unmatched: { baseline: onlyBaseline.map((g) => g.labels), candidate: onlyCandidate.map((g) => g.labels) },
    oneSided: { baseline: onlyBaseline.map(asOneSided), candidate: onlyCandidate.map(asOneSided) },
    droppedLabels,
  };
}
