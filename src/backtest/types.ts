/** What a backtest returns: the verdicts of every replayed moment, summarised per check. Times are RFC 3339. */
import type { ReportError, Verdict } from '../types.js';

/** One replayed moment: the gate as if a deploy had happened at `at`. */
export interface BacktestMoment {
  at: string;
  verdict: Verdict;
  /**
   * `decidedAfter`: seconds into the post window at which a live run would have reached the
   * verdict; `decidedAt`: that moment, RFC 3339 (the text report times it after the deploy, `at`).
   */
  checks: { name: string; verdict: Verdict; reason: string; decidedAfter?: number; decidedAt?: string }[];
}

/** A false-alarm rate: fails among the judged moments (inconclusive ones are counted apart). */
export interface AlarmRate {
  judged: number;
  fails: number;
  inconclusive: number;
  /** fails / judged; null when nothing was judged. */
  rate: number | null;
  /** 95% Clopper-Pearson interval of the rate; null when nothing was judged. */
  interval: [number, number] | null;
}

/** One check across every moment. */
export interface BacktestCheckSummary extends AlarmRate {
  name: string;
  critical: boolean;
  /** The check's configured false-alarm rate, 1 - confidence, to compare the measured one with. */
  alpha: number;
  /** The moments that failed; `decidedAfter` says how soon a live run would have stopped there. */
  failedAt: { at: string; reason: string; decidedAfter?: number; decidedAt?: string }[];
  inconclusiveAt: { at: string; reason: string }[];
  /** Before/after value checks: how much adjacent windows differ over the range (what `baseline.history` judges against). */
  spread?: BacktestSpread;
}

/** The natural variability of a check's change between adjacent windows of the run's lengths. */
export interface BacktestSpread {
  /** Root mean square of the change between adjacent windows over the range, as a relative change (0.06 = ±6%); the median over the check's series; null when not measured. */
  spread: number | null;
  /** Series measured. */
  series: number;
  /** Past moments measured per series (the most of any series). */
  moments?: number;
  /** Why nothing was measured. */
  why?: string;
}

export interface BacktestResult {
  version: 1;
  kind: 'backtest';
  name?: string;
  moments: string[];
  /** Moments that were not replayed because the backtest was interrupted. */
  skipped: string[];
  /** The run's verdict (critical checks) across moments. */
  run: AlarmRate & { failedAt: string[] };
  checks: BacktestCheckSummary[];
  /** What the reader needs to interpret the numbers (overlapping moments, interruption, spec warnings). */
  notes: string[];
  /** 0 when the backtest ran; 3 when no moment could be judged or it was interrupted. */
  exitCode: 0 | 3;
  durationSeconds: number;
  /** `--deploys`: the verdict the gate would have given at each detected deploy. */
  deploys?: DeploysReplayed;
  /** --report files that could not be written; absent when none failed. */
  reportErrors?: ReportError[];
}

/** `backtest --deploys`: "your last 14 deploys: 12 pass, 1 fail, 1 inconclusive", with the moments. */
export interface DeploysReplayed {
  total: number;
  pass: number;
  fail: number;
  inconclusive: number;
  moments: { at: string; verdict: Verdict | 'not replayed'; how: 'version' | 'restart' | 'log-line'; detail: string }[];
}
