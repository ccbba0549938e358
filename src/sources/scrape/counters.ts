/**
 * Counter arithmetic over scrapes, as Prometheus' increase() sees it: between two scrapes a
 * counter that went down was reset (the process restarted), so its increase is its new value.
 * A series that appears between two scrapes was born at 0 (client libraries create a label set
 * on its first increment), so its increase is its value.
 */
import type { LabelMatcher, MetricSelector } from './spec.js';
import type { Labels, Series } from '../../types.js';

/** Per-interval increases of every series of a group, summed; intervals end at `times[i]` (i >= 1). */
export interface GroupIncreases {
  labels: Labels;
  /** increases[i] is the summed increase over (times[i-1], times[i]]; increases[0] is unused (NaN). */
  increases: number[];
}

/** Every scrape time seen in the series, sorted: the interval boundaries. */
export function scrapeTimes(series: readonly Series[]): number[] {
  const times = new Set<number>();
  for (const s of series) for (const p of s.points) times.add(p.t);
  return [...times].sort((a, b) => a - b);
}

/** Whether a series' labels satisfy every matcher (Prometheus semantics: a missing label is ""). */
export function matchesSelector(labels: Labels, matchers: readonly LabelMatcher[]): boolean {
  return matchers.every((m) => {
    const value = labels[m.name] ?? '';
    if (m.op === '=') return value === m.value;
    if (m.op === '!=') return value !== m.value;
    const hit = new RegExp(`^(?:${m.value})$`).test(value);
    return m.op === '=~' ? hit : !hit;
  });
}

/** The series of `measures` a selector picks (its metric name with `suffix`, e.g. `_bucket`). */
export function selectSeries(measures: Record<string, Series[]>, selector: MetricSelector, suffix = ''): Series[] {
  return (measures[selector.metric + suffix] ?? []).filter((s) => matchesSelector(s.labels, selector.matchers));
}

/** Increase of one counter per interval of `times` (NaN where the series is absent at the interval's end). */
export function counterIncreases(series: Series, times: readonly number[]): number[] {
  const at = new Map(series.points.map((p) => [p.t, p.v]));
  return times.map((t, i) => {
    if (i === 0) return Number.NaN;
    const now = at.get(t);
    if (now === undefined || !Number.isFinite(now)) return Number.NaN;
    const before = at.get(times[i - 1] as number);
    if (before === undefined || !Number.isFinite(before)) return now; // born between the scrapes
    return now >= before ? now - before : now; // a reset: the counter restarted from 0
  });
}

/** Sum the increases of series grouped by the `by` labels (plus `extra`, e.g. `le`). */
export function groupIncreases(
  series: readonly Series[],
  times: readonly number[],
  by: readonly string[],
  extra: readonly string[] = [],
): GroupIncreases[] {
  const groups = new Map<string, GroupIncreases>();
  for (const s of series) {
    const labels: Labels = {};
    for (const name of [...by, ...extra]) labels[name] = s.labels[name] ?? '';
    const key = JSON.stringify([...by, ...extra].map((name) => labels[name]));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels, increases: times.map((_, i) => (i === 0 ? Number.NaN : 0)) }));
    counterIncreases(s, times).forEach((inc, i) => {
      if (i > 0 && Number.isFinite(inc)) group.increases[i] = (group.increases[i] as number) + inc;
    });
  }
  return [...groups.values()];
}
