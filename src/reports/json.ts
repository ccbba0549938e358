/**
 * The JSON report of the public interface (README, "Reports"). Fields may be added,
 * never renamed or removed. Objects are built field by field, so only documented fields reach the
 * output (nothing a caller happened to attach to the result) and their order is stable.
 *
 * Non-finite numbers: JSON has none, so every NaN, +Inf and -Inf is written as `null`. A numeric
 * field is therefore always `number | null`, one type for jq and typed consumers; the meaning
 * survives elsewhere: `nan` and `infinite` count the dropped samples, `reason` says in words why a
 * change is undefined (e.g. a zero baseline).
 */
import { formatTime } from '../time/format-time.js';
import type {
  CheckResult,
  CommandRun,
  DetectedDeploy,
  Impact,
  Labels,
  RunNote,
  RunResult,
  SampleSummary,
  SeriesHistory,
  SeriesResult,
  WrappedCommands,
} from '../types.js';
import { wordNotes } from './notes.js';

/** A finite number, or null for NaN, ±Infinity and missing values. */
function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function jsonLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).map(([name, value]) => [name, String(value)]));
}

function jsonSummary(summary: SampleSummary): Record<string, unknown> {
  return {
    n: summary.n,
    mean: finiteOrNull(summary.mean),
    median: finiteOrNull(summary.median),
    p95: finiteOrNull(summary.p95),
    nan: summary.nan,
    infinite: summary.infinite,
    ...(summary.nEffective !== undefined ? { nEffective: finiteOrNull(summary.nEffective) } : {}),
    ...(summary.events !== undefined ? { events: finiteOrNull(summary.events) } : {}),
    ...(summary.trials !== undefined ? { trials: finiteOrNull(summary.trials) } : {}),
    ...(summary.rate !== undefined ? { rate: finiteOrNull(summary.rate) } : {}),
    ...(summary.dispersion !== undefined ? { dispersion: finiteOrNull(summary.dispersion) } : {}),
  };
}

function jsonSeries(series: SeriesResult): Record<string, unknown> {
  const interval = series.relativeChangeInterval;
  return {
    labels: jsonLabels(series.labels),
    verdict: series.verdict,
    baseline: jsonSummary(series.baseline),
    candidate: jsonSummary(series.candidate),
    relativeChange: finiteOrNull(series.relativeChange),
    relativeChangeInterval: interval === null ? null : [finiteOrNull(interval[0]), finiteOrNull(interval[1])],
    ...(series.intervalConfidence !== undefined ? { intervalConfidence: series.intervalConfidence } : {}),
    ...(series.comparison !== undefined ? { comparison: series.comparison } : {}),
    test: series.test,
    pValue: finiteOrNull(series.pValue),
    ...(series.pValueAdjusted !== undefined ? { pValueAdjusted: finiteOrNull(series.pValueAdjusted) } : {}),
    ...(series.alpha !== undefined ? { alpha: series.alpha } : {}),
    reason: series.reason,
    ...(series.rule !== undefined ? { rule: series.rule } : {}),
    ...(series.presence !== undefined ? { presence: series.presence } : {}),
    ...(series.notes !== undefined ? { notes: [...series.notes] } : {}),
    ...(series.history !== undefined ? { history: jsonHistory(series.history) } : {}),
    ...(series.impact !== undefined ? { impact: jsonImpact(series.impact) } : {}),
  };
}

function jsonImpact(impact: Impact): Record<string, unknown> {
  if (impact.kind === 'excess-events')
    return {
      kind: impact.kind,
      excess: finiteOrNull(impact.excess),
      interval: [finiteOrNull(impact.interval[0]), finiteOrNull(impact.interval[1])],
      confidence: impact.confidence,
      expected: finiteOrNull(impact.expected),
      events: finiteOrNull(impact.events),
    };
  return {
    kind: impact.kind,
    share: finiteOrNull(impact.share),
    above: impact.above,
    points: impact.points,
    threshold: finiteOrNull(impact.threshold),
    basis: impact.basis,
  };
}

function jsonHistory(history: SeriesHistory): Record<string, unknown> {
  return {
    seconds: history.seconds,
    moments: history.moments,
    spread: finiteOrNull(history.spread),
    ...(history.withinWindow !== undefined ? { withinWindow: finiteOrNull(history.withinWindow) } : {}),
    decided: history.decided,
    ...(history.shortfall !== undefined ? { shortfall: history.shortfall } : {}),
  };
}

function jsonCheck(check: CheckResult): Record<string, unknown> {
  return {
    name: check.name,
    verdict: check.verdict,
    critical: check.critical,
    reason: check.reason,
    ...(check.error !== undefined ? { error: check.error } : {}),
    ...(check.errorKind !== undefined ? { errorKind: check.errorKind } : {}),
    ...(check.notes !== undefined ? { notes: [...check.notes] } : {}),
    ...(check.decidedAfter !== undefined ? { decidedAfter: finiteOrNull(check.decidedAfter) } : {}),
    ...(check.decidedAt !== undefined
      ? { decidedAt: typeof check.decidedAt === 'number' ? formatTime(Math.floor(check.decidedAt)) : null }
      : {}),
    series: check.series.map(jsonSeries),
    unmatched: {
      baseline: check.unmatched.baseline.map(jsonLabels),
      candidate: check.unmatched.candidate.map(jsonLabels),
    },
  };
}

/** A note as data, its times in RFC 3339 like the rest of the report. */
function jsonNote(note: RunNote): Record<string, unknown> {
  const span = (w: { start: number; end: number }) => ({ start: formatTime(w.start), end: formatTime(w.end) });
  if (note.kind === 'sampled-windows')
    return { ...note, baseline: span(note.baseline), candidate: span(note.candidate) };
  if (note.kind === 'point-density') return { ...note, labels: jsonLabels(note.labels) };
  if (note.kind !== 'cut-short') return { ...note };
  const { cause } = note;
  if (cause.kind === 'wait-limit')
    return {
      kind: note.kind,
      cause: {
        ...cause,
        judgedAt: formatTime(Math.floor(cause.judgedAt)),
        readyAt: formatTime(cause.readyAt),
        deployedAt: formatTime(cause.deployedAt),
      },
    };
  if (cause.kind === 'early-stop')
    return {
      kind: note.kind,
      cause: {
        ...cause,
        at: formatTime(Math.floor(cause.at)),
        readyAt: formatTime(cause.readyAt),
        deployedAt: formatTime(cause.deployedAt),
      },
    };
  return { kind: note.kind, cause: { ...cause } };
}

/** A command run around the gate, its times in RFC 3339 and its duration in seconds. */
function jsonCommand(run: CommandRun): Record<string, unknown> {
  return {
    argv: [...run.argv],
    startedAt: formatTime(Math.floor(run.startedAt)),
    endedAt: formatTime(Math.ceil(run.endedAt)),
    durationSeconds: finiteOrNull(Math.round((run.endedAt - run.startedAt) * 1000) / 1000),
    exitCode: run.exitCode,
    signal: run.signal,
    ...(run.error !== undefined ? { error: run.error } : {}),
    ...(run.interruptedBy !== undefined ? { interruptedBy: run.interruptedBy } : {}),
    outputTail: run.outputTail,
  };
}

function jsonCommands(commands: WrappedCommands): Record<string, unknown> {
  return {
    deploy: jsonCommand(commands.deploy),
    ...(commands.rollback !== undefined
      ? { rollback: { ...jsonCommand(commands.rollback), because: commands.rollback.because } }
      : {}),
    ...(commands.rollbackNote !== undefined ? { rollbackNote: commands.rollbackNote } : {}),
  };
}

function jsonDetected(detected: DetectedDeploy): Record<string, unknown> {
  return { ...detected, at: formatTime(detected.at) };
}

/** Render the run as the interface's JSON report: 2-space indentation and a trailing newline. */
export function renderJson(result: RunResult): string {
  const report = {
    version: result.version,
    ...(result.name !== undefined ? { name: result.name } : {}),
    verdict: result.verdict,
    exitCode: result.exitCode,
    deployedAt: result.deployedAt,
    windows: {
      baseline: { start: result.windows.baseline.start, end: result.windows.baseline.end },
      post: { start: result.windows.post.start, end: result.windows.post.end },
    },
    checks: result.checks.map(jsonCheck),
    warnings: [...wordNotes(result.notes)],
    notes: result.notes.map(jsonNote),
    durationSeconds: finiteOrNull(result.durationSeconds),
    ...(result.cutShort !== undefined ? { cutShort: result.cutShort } : {}),
    ...(result.reportErrors !== undefined && result.reportErrors.length > 0
      ? { reportErrors: result.reportErrors.map((failure) => ({ path: failure.path, error: failure.error })) }
      : {}),
    ...(result.commands !== undefined ? { commands: jsonCommands(result.commands) } : {}),
    ...(result.detected !== undefined ? { detected: jsonDetected(result.detected) } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
