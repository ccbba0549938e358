/** Turn replayed moments into false-alarm rates per check and for the run, with the moments behind them. */
import type { Spec } from '../spec-model.js';
import type { DetectedDeploy, Verdict } from '../types.js';
import { formatTime } from '../time/format-time.js';
import { clopperPearson } from '../judge/stats/binomial.js';
import type {
  AlarmRate,
  BacktestCheckSummary,
  BacktestMoment,
  BacktestResult,
  BacktestSpread,
  DeploysReplayed,
} from './types.js';

/** The false-alarm rate of a list of verdicts: fails among pass + fail; inconclusive apart. */
export function alarmRate(verdicts: readonly Verdict[]): AlarmRate {
  const fails = verdicts.filter((v) => v === 'fail').length;
  const inconclusive = verdicts.filter((v) => v === 'inconclusive').length;
  const judged = verdicts.length - inconclusive;
  return {
    judged,
    fails,
    inconclusive,
    rate: judged > 0 ? fails / judged : null,
    interval: judged > 0 ? clopperPearson(fails, judged) : null,
  };
}

export interface SummaryInput {
  spec: Spec;
  moments: readonly number[];
  replayed: readonly (BacktestMoment | undefined)[];
  formatTime: (seconds: number) => string;
  notes: string[];
  durationSeconds: number;
  /** Per check (spec order): the spread between adjacent windows, when measured. */
  spreads?: readonly (BacktestSpread | undefined)[];
}

/** The backtest's result; exit code 3 when no moment could be judged or some were skipped. */
export function summarizeBacktest(input: SummaryInput): BacktestResult {
  const { spec, replayed } = input;
  const done = replayed.filter((m): m is BacktestMoment => m !== undefined);
  const skipped = input.moments.filter((_, i) => replayed[i] === undefined).map(input.formatTime);
  const checks = spec.checks.map((check, index): BacktestCheckSummary => {
    const spread = input.spreads?.[index];
    const rows = done.map((m) => ({ at: m.at, result: m.checks.find((c) => c.name === check.name) }));
    const failedAt = rows
      .filter((r) => r.result?.verdict === 'fail')
      .map((r) => ({
        at: r.at,
        reason: r.result?.reason ?? '',
        ...(r.result?.decidedAfter !== undefined ? { decidedAfter: r.result.decidedAfter } : {}),
        ...(r.result?.decidedAt !== undefined ? { decidedAt: r.result.decidedAt } : {}),
      }));
    return {
      name: check.name,
      critical: check.critical,
      alpha: Math.round((1 - check.confidence) * 1e9) / 1e9,
      ...alarmRate(rows.map((r) => r.result?.verdict ?? 'inconclusive')),
      failedAt,
      inconclusiveAt: rows
        .filter((r) => r.result?.verdict === 'inconclusive')
        .map((r) => ({ at: r.at, reason: r.result?.reason ?? '' })),
      ...(spread !== undefined ? { spread } : {}),
    };
  });
  const run = {
    ...alarmRate(done.map((m) => m.verdict)),
    failedAt: done.filter((m) => m.verdict === 'fail').map((m) => m.at),
  };
  const anyJudged = checks.some((c) => c.judged > 0);
  const notes = [...input.notes];
  if (skipped.length > 0)
    notes.push(`interrupted: ${skipped.length} of ${input.moments.length} moments were not replayed`);
  if (!anyJudged) notes.push('no moment could be judged: every check was inconclusive at every moment');
  return {
    version: 1,
    kind: 'backtest',
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    moments: input.moments.map(input.formatTime),
    skipped,
    run,
    checks,
    notes,
    exitCode: anyJudged && skipped.length === 0 ? 0 : 3,
    durationSeconds: input.durationSeconds,
  };
}

/** `--deploys`: the verdict at each detected deploy, and the counts. */
export function summarizeDeploys(
  deploys: readonly DetectedDeploy[],
  replayed: readonly (BacktestMoment | undefined)[],
): DeploysReplayed {
  const moments = deploys.map((d, i) => ({
    at: formatTime(d.at),
    verdict: replayed[i]?.verdict ?? ('not replayed' as const),
    how: d.how,
    detail: d.detail,
  }));
  const count = (verdict: string): number => moments.filter((m) => m.verdict === verdict).length;
  return {
    total: moments.length,
    pass: count('pass'),
    fail: count('fail'),
    inconclusive: count('inconclusive'),
    moments,
  };
}
