/** Domain types shared by sources, the judge and the reporters. Times are unix seconds. */

export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** The change that counts as bad. */
export type Direction = 'increase' | 'decrease' | 'either';

/** The statistic that `max` / `min` bound on the post window. */
export type Aggregate = 'mean' | 'median' | 'p90' | 'p95' | 'p99' | 'max';

export type Labels = Record<string, string>;

/** One sample. `v` may be NaN or ±Infinity: the judge classifies those, sources keep them. */
export interface Point {
  t: number;
  v: number;
}

/** A labelled time series as returned by a source. */
export interface Series {
  labels: Labels;
  points: Point[];
}

/** A closed time range [start, end] sampled every `step` seconds. */
export interface TimeRange {
  start: number;
  end: number;
  step: number;
}

/** The windows a run compares. In canary mode both sides are read over `post`. */
export interface Windows {
  deployedAt: number;
  baseline: TimeRange;
  post: TimeRange;
}

/** Descriptive statistics of one side of one series, after NaN/Inf removal. */
export interface SampleSummary {
  n: number;
  mean: number | null;
  median: number | null;
  p95: number | null;
  /** Points dropped as NaN (e.g. histogram_quantile with no observations). */
  nan: number;
  /** Points that were +Inf or -Inf (kept out of the test, counted here). */
  infinite: number;
  /** Effective sample size after autocorrelation, when computed. */
  nEffective?: number;
}

export interface SeriesResult {
  labels: Labels;
  verdict: Verdict;
  baseline: SampleSummary;
  candidate: SampleSummary;
  /** Relative change of the candidate against the baseline (0.1 = +10%); null when undefined. */
  relativeChange: number | null;
  /** Confidence interval of relativeChange at the check's confidence. */
  relativeChangeInterval: [number, number] | null;
  test: 'mann-whitney' | 'none';
  pValue: number | null;
  /** The rule that decided, in words. */
  reason: string;
}

export interface CheckResult {
  name: string;
  verdict: Verdict;
  critical: boolean;
  reason: string;
  series: SeriesResult[];
  /** Series present on one side only (listed, not judged). */
  unmatched: { baseline: Labels[]; candidate: Labels[] };
  /** A source or query failure that made the check inconclusive. */
  error?: string;
}

export interface RunResult {
  version: 1;
  name?: string;
  verdict: Verdict;
  exitCode: 0 | 1 | 3;
  deployedAt: string;
  windows: {
    baseline: { start: string; end: string };
    post: { start: string; end: string };
  };
  checks: CheckResult[];
  /** Non-critical checks that failed or were inconclusive, and other notes for the reader. */
  warnings: string[];
  durationSeconds: number;
}
