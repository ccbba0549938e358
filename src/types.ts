/** Domain types shared by sources, the judge and the reporters. Times are unix seconds. */
import type { SourceErrorKind } from './errors.js';

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
  /**
   * The step boundary at or after deploy + warmup where the post window opens: times in it
   * (decidedAfter) count from here. Its first point is `post.start`: the first step whose query
   * range starts at or after deploy + warmup (here for a query without a range), and one step later
   * when that is the deploy instant, whose point belongs to the baseline.
   */
  postOpens: number;
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
  /** Count checks: events (numerator) summed over the window. */
  events?: number;
  /** Count checks: trials (denominator) summed over the window. */
  trials?: number;
  /** Count checks: events / trials; null when there were no trials. */
  rate?: number | null;
  /** Count checks: overdispersion of the per-step counts (1 = binomial noise only). */
  dispersion?: number;
}

/** The rule that decided a series, as a short machine-readable code (the words are in `reason`). */
export type DecisionRule =
  | 'too-few-samples'
  | 'infinite-values'
  | 'bound'
  | 'too-few-effective-samples'
  /** Value checks: too few points to tell slow wandering from a shift, even with a conservative persistence assumed. */
  | 'window-too-short'
  | 'low-traffic'
  | 'no-events'
  | 'beyond-tolerance'
  | 'within-tolerance'
  | 'not-significant'
  | 'not-significant-adjusted'
  | 'not-bad-direction'
  /** A change that grows through the post window: the window weighted toward its end is beyond the tolerance (src/judge/drift.ts testGrowth). */
  | 'growing'
  /** An anytime-valid sequential test was certain of a regression while `run` waited (src/gate/early-stop.ts). */
  | 'sequential'
  /** A series found on one side only whose absence on the other side means nothing for the check's direction. */
  | 'one-sided'
  /** Count checks: a numerator series with no denominator series of the same labels on its side. */
  | 'no-denominator'
  /** The backend returned more than one series with identical labels: they cannot be told apart. */
  | 'duplicate-series'
  /** Success checks of sampled sources: the candidate's upper bound is within the allowed share (pass). */
  | 'ruled-out'
  /** Success checks of sampled sources: too few samples to rule out a rise beyond the allowed share. */
  | 'not-ruled-out';

/** The words around a series' p-value in its reason (SeriesResult.pFrame). */
export interface PFrame {
  before: string;
  after: string;
}

/**
 * Impact of one series. Counts: the events since the deploy beyond what the baseline rate
 * predicts for the candidate's traffic, with an interval at `confidence`. Values: the share of the
 * post window's points above the baseline's 95th percentile (5% expected with no change).
 */
export type Impact =
  | {
      kind: 'excess-events';
      /** Candidate events minus the events the baseline rate predicts for the candidate's trials. */
      excess: number;
      /** Interval of `excess` at `confidence` (baseline rate's uncertainty and the dispersion included). */
      interval: [number, number];
      confidence: number;
      /** Events the baseline rate predicts for the candidate's trials. */
      expected: number;
      events: number;
    }
  | {
      kind: 'share-above-baseline-p95';
      /** Share of the post window's points above the baseline's p95 (0.05 expected with no change). */
      share: number;
      above: number;
      points: number;
      /** The baseline's 95th percentile the points were compared with. */
      threshold: number;
      /** What a point is: one value of the query per step, not one request. */
      basis: 'points';
    };

export interface SeriesResult {
  labels: Labels;
  verdict: Verdict;
  baseline: SampleSummary;
  candidate: SampleSummary;
  /** Relative change of the candidate against the baseline (0.1 = +10%); null when undefined. */
  relativeChange: number | null;
  /** Confidence interval of relativeChange, two-sided at intervalConfidence (the check's confidence when absent). */
  relativeChangeInterval: [number, number] | null;
  /** The confidence of relativeChangeInterval: 1 - 2 alpha for a one-sided check (its bad end is the test's bound), 1 - alpha for `either`. */
  intervalConfidence?: number;
  /** How the sides were compared: paired by timestamp / by step (shared shape cancels), or as independent windows. */
  comparison?: 'paired' | 'independent';
  /** What the change cost, in the words of "how many users were affected" (src/judge/impact/). */
  impact?: Impact;
  test: 'mann-whitney' | 'paired-t' | 'binomial' | 'sequential-binomial' | 'sequential-mixture' | 'none';
  pValue: number | null;
  /** pValue after Holm's adjustment over the tests of its family (the critical checks, or apart the non-critical ones); significance is decided on it. */
  pValueAdjusted?: number | null;
  /** The significance level the (adjusted) p-value is compared against: 1 - confidence. */
  alpha?: number;
  /** The rule that decided, in words. */
  reason: string;
  /**
   * For a series decided by a p-value: `reason` is before + `(p ...` + after, the p worded by
   * formatP. Holm's adjustment (src/judge/adjust-run.ts) words the p again from its numbers
   * inside this frame, never by searching the reason. Not written to the JSON report.
   */
  pFrame?: PFrame;
  /** The rule that decided, as a code. */
  rule?: DecisionRule;
  /**
   * Set for a series found on one side only (judged against 0 on the other side when the check's
   * direction makes its absence meaningful, else inconclusive); absent for a matched pair.
   */
  presence?: 'baseline-only' | 'candidate-only';
  /** Things the reader should know that did not change the verdict (trend, repeated points). */
  notes?: string[];
  /**
   * The points that were judged, sorted by time, for charts (HTML report, terminal sparklines).
   * Count checks give the per-step rate events / trials. Never written to the JSON report: a
   * wide check over a long window would make it megabytes.
   */
  samples?: { baseline: readonly Point[]; candidate: readonly Point[] };
  /** `baseline.history`: the natural variability of the change between adjacent windows, and whether it decided. */
  history?: SeriesHistory;
}

/** How a series' change compared with its history (`baseline.history`). */
export interface SeriesHistory {
  /** Seconds of history read. */
  seconds: number;
  /** Past moments (a baseline and a post window each, the run's lengths) measured; 0 when none. */
  moments: number;
  /** Root mean square of the past changes between adjacent windows, as a relative change (0.06 = ±6%); null when not measured. */
  spread: number | null;
  /** The within-window standard error of this change, as a relative change, when history decided. */
  withinWindow?: number;
  /** True when the verdict was decided with the history's spread. */
  decided: boolean;
  /** Why the history could not be used (too short, too few points). */
  shortfall?: string;
}

/** Why a check's data could not be read. */
export type CheckErrorKind = SourceErrorKind | 'interrupted';

export interface CheckResult {
  name: string;
  verdict: Verdict;
  critical: boolean;
  reason: string;
  series: SeriesResult[];
  /** Series present on one side only; each is also judged in `series` (see SeriesResult.presence). */
  unmatched: { baseline: Labels[]; candidate: Labels[] };
  /**
   * What `reason` says after its summary of the series (series on one side only, no pair matched),
   * set when there is any: a check re-decided from its series (Holm's adjustment, an early stop)
   * is worded again by summariseSeries(series) + reasonTail, never by cutting the old reason. Not
   * written to the JSON report (the reason holds it).
   */
  reasonTail?: string;
  /** A source or query failure that made the check inconclusive. */
  error?: string;
  /**
   * What kind of failure `error` is, as data: a SourceError kind, or `interrupted` when the run
   * stopped before the data was read. Set exactly when `error` is; --on-inconclusive pass reads it.
   */
  errorKind?: CheckErrorKind;
  /** Things the reader should know that did not change the verdict (e.g. a trend in the baseline). */
  notes?: string[];
  /**
   * Seconds after the post window's start at which the verdict was (or, for a window already in
   * the past, would have been) reached: a fail when the anytime-valid test first was certain, else
   * when the window judged ended; null when inconclusive (no verdict was reached).
   */
  decidedAfter?: number | null;
  /** Unix seconds of that moment (the post window's opening + decidedAfter): the reports time it after the deploy. */
  decidedAt?: number | null;
}

/** Why a run's post window was judged before it ended. Times are unix seconds. */
export type CutShortCause =
  | { kind: 'interrupted' }
  | { kind: 'interrupted-sampling' }
  /** --no-wait or --max-wait: `limit` names the option (e.g. `--max-wait 5m reached`). */
  | { kind: 'wait-limit'; limit: string; judgedAt: number; readyAt: number; deployedAt: number }
  /** The anytime-valid test of `check` was certain of a regression at `at`. */
  | { kind: 'early-stop'; at: number; readyAt: number; check: string; deployedAt: number };

/**
 * Something the reader of a run should know beside the checks, as data: the gate and the judge
 * build these, the reporters word them (src/reports/notes.ts), and no code reads their words.
 */
export type RunNote =
  /** A non-critical check that failed or was inconclusive: reported, never gating. */
  | { kind: 'non-critical-check'; check: string; verdict: 'fail' | 'inconclusive'; reason: string }
  /** The spec has no checks at all: nothing was judged. */
  | { kind: 'no-checks' }
  /** No check is critical: nothing gates the run, so it is inconclusive. */
  | { kind: 'no-critical-check' }
  /** The post window was judged before it ended. */
  | { kind: 'cut-short'; cause: CutShortCause }
  /** A warning the backend sent with the data of `check`. */
  | { kind: 'backend-warning'; check: string; text: string }
  /** The backend returned more points for a series than its range holds at its step. */
  | {
      kind: 'point-density';
      check: string;
      side: 'baseline' | 'post' | 'baseline denominator' | 'post denominator';
      labels: Labels;
      points: number;
      room: number;
      step: number;
    }
  /**
   * The backend's data covers only part of a check's baseline window: its history begins `late`
   * seconds into the window (a server started recently, or retention), or it has gaps.
   */
  | {
      kind: 'partial-baseline';
      check: string;
      labels: Labels;
      points: number;
      room: number;
      cause: { kind: 'history'; late: number } | { kind: 'gaps' };
    }
  /** A warning about the spec found while planning (src/spec-file/spec-warnings.ts). */
  | { kind: 'spec'; text: string }
  /** Something in the environment the reader should know (e.g. TLS verification turned off). */
  | { kind: 'environment'; text: string }
  /** The baseline of the sampled sources came from a snapshot file. */
  | { kind: 'snapshot'; path: string; takenAt: string }
  /** A run with range and sampled checks: the windows the sampled sources were sampled over. */
  | { kind: 'sampled-windows'; baseline: { start: number; end: number }; candidate: { start: number; end: number } }
  /** Backends refused `requests` queries or credentials of critical checks (the first's message): exit 2. */
  | { kind: 'spec-fault'; requests: number; message: string }
  /** A backend refused a query of the non-critical check `check`: the exit code is left to the critical checks. */
  | { kind: 'non-critical-spec-fault'; check: string; message: string }
  /** --on-inconclusive pass kept exit 3: the post window was cut short. */
  | { kind: 'inconclusive-policy'; because: 'cut-short'; cutShort: string }
  /** --on-inconclusive pass kept exit 3: critical checks (`checks`) could not read their source. */
  | { kind: 'inconclusive-policy'; because: 'unread-source'; checks: string[]; errorKind: CheckErrorKind };

/** A report that could not be written after the verdict (a full disk): the other reports name it. */
export interface ReportError {
  path: string;
  /** The file system's error, e.g. `ENOSPC: no space left on device`. */
  error: string;
}

export interface RunResult {
  version: 1;
  name?: string;
  verdict: Verdict;
  /** 2 when a source refused a query or the credentials (HTTP 400, 401, 403, 422): a spec error. */
  exitCode: 0 | 1 | 2 | 3;
  deployedAt: string;
  windows: {
    /** `offset`: seconds of `baseline.offset`, when the spec moved the baseline to another time of day. */
    baseline: { start: string; end: string; offset?: number };
    post: { start: string; end: string };
  };
  checks: CheckResult[];
  /**
   * Non-critical checks that failed or were inconclusive, and other things the reader should know,
   * as data; the reporters word them (src/reports/notes.ts: the JSON report's `warnings`).
   */
  notes: RunNote[];
  durationSeconds: number;
  /** Reports (--report files, the GitHub step summary) that could not be written; absent when none failed. */
  reportErrors?: ReportError[];
  /**
   * Why the post window was judged before it ended (an interrupt, --max-wait, --no-wait); absent
   * for a whole window. Such a run never passes, and --on-inconclusive pass never maps it to 0.
   */
  cutShort?: string;
  /** `run ... -- <deploy command>`: the deploy command and, when one ran, the rollback. */
  commands?: WrappedCommands;
  /** `--deployed-at detect`: how the deploy time was found. */
  detected?: DetectedDeploy;
}

/** One command run around the gate (the deploy, the rollback). Times are unix seconds. */
export interface CommandRun {
  argv: string[];
  startedAt: number;
  endedAt: number;
  /** null when it was ended by a signal or could not start. */
  exitCode: number | null;
  /** The signal that ended it, e.g. SIGTERM. */
  signal: string | null;
  /** Why it could not start (ENOENT...), when it could not. */
  error?: string;
  /** The last lines of its stdout and stderr, interleaved as they came (redacted with the rest). */
  outputTail: string;
  /** The signal the wrapper received and passed on to it while it ran. */
  interruptedBy?: string;
}

/** What ran around a wrapped run. */
export interface WrappedCommands {
  deploy: CommandRun;
  /** Present when the verdict asked for a rollback and one was configured. */
  rollback?: CommandRun & { because: 'fail' | 'inconclusive' };
  /** A rollback that was asked for by the verdict but not configured, or not asked for: said in words. */
  rollbackNote?: string;
}

/** The deploy time as found by `deploy.detect`. */
export interface DetectedDeploy {
  source: string;
  /** The query (or the logs match) that found it. */
  query: string;
  /** version: the set of series changed (a version label); restart: a value jumped; log-line: the last matching line. */
  how: 'version' | 'restart' | 'log-line';
  /** Unix seconds. */
  at: number;
  /** In words: which series changed and how. */
  detail: string;
}

/**
 * What `verify-deploy check` found for one query: `ok`: data came back; `empty`: no series;
 * `sparse`: data came back, too little for a verdict (fewer points than minSamples, or a window
 * shorter than the step); `unreadable`: the source failed; `refused`: the query or credentials are wrong.
 */
export type QueryTestStatus = 'ok' | 'empty' | 'sparse' | 'unreadable' | 'refused';
