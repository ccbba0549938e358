/** The --dry-run listing: windows, sources and every query that would run, without any network. */
import { formatDuration } from '../time/duration.js';
import type { Spec } from '../spec-model.js';
import { sanitizeText } from '../sanitize-text.js';
import type { Source } from '../sources/types.js';
import type { TimeRange } from '../types.js';
import { formatTime } from '../time/format-time.js';
import type { PlannedCheck, RunPlan } from './plan.js';
import { whyNotWatched } from './watch-rule.js';
import { ratioOffer } from './ratio-counts.js';

/**
 * Render the plan for people; secrets are redacted by the caller's output stream and by
 * Source.describe(). Names and queries come from the spec: each line is escaped as the reports
 * escape text (sanitizeText), so a multi-line query or a name with a line break cannot start a
 * line of its own (a CI runner reads `::error::` lines as commands) or send terminal escapes.
 */
export function renderDryRun(spec: Spec, plan: RunPlan, sources: Record<string, Source>): string {
  const lines = [
    `dry run of ${spec.name ?? spec.file} (no network)`,
    `deployed at      ${formatTime(plan.deployedAt)}`,
    `baseline window  ${formatTime(plan.windows.baseline.start)} .. ${formatTime(plan.windows.baseline.end)}${offsetNote(spec)}`,
    `post window      ${formatTime(plan.windows.post.start)} .. ${formatTime(plan.windows.post.end)}`,
    `ready to judge   ${formatTime(plan.readyAt)}`,
    '',
    'sources:',
    ...Object.entries(sources).map(([name, source]) => `  ${name}: ${source.describe()}`),
    '',
    'checks:',
  ];
  for (const planned of plan.checks) {
    const c = planned.check;
    lines.push(
      `  ${c.name} (${planned.denominators ? 'counts, ' : ''}${planned.mode}, ${c.critical ? 'critical' : 'non-critical'}, direction ${c.direction}, ` +
        `tolerance ${round(c.tolerance * 100)}%, confidence ${round(c.confidence * 100)}%)`,
      `    first post point ${formatTime(planned.candidate.range.start)}, its range from ${formatTime(planned.candidate.range.start - planned.lookback)} ` +
        `(${planned.lookback > 0 ? formatDuration(planned.lookback) : 'no range'}), not before the deploy` +
        `${spec.deploy.warmup > 0 ? ' + warmup' : ''} at ${formatTime(plan.deployedAt + spec.deploy.warmup)}`,
    );
    if (planned.denominators) {
      const d = planned.denominators;
      lines.push(
        `    baseline  numerator   ${describeRange(planned.baseline.range)}  [${planned.baseline.source}] ${planned.baseline.query}`,
        `    baseline  denominator ${describeRange(d.baseline.range)}  [${d.baseline.source}] ${d.baseline.query}`,
        `    candidate numerator   ${describeRange(planned.candidate.range)}  [${planned.candidate.source}] ${planned.candidate.query}`,
        `    candidate denominator ${describeRange(d.candidate.range)}  [${d.candidate.source}] ${d.candidate.query}`,
      );
      lines.push(...describeHistory(spec, planned));
      continue;
    }
    lines.push(
      `    baseline  ${describeRange(planned.baseline.range)}  [${planned.baseline.source}] ${planned.baseline.query}`,
      `    candidate ${describeRange(planned.candidate.range)}  [${planned.candidate.source}] ${planned.candidate.query}`,
      ...describeHistory(spec, planned),
      ...describeRatio(planned),
    );
  }
  if (plan.warnings && plan.warnings.length > 0) lines.push('', 'warnings:', ...plan.warnings.map((w) => `  ${w}`));
  return lines.map(sanitizeText).join('\n') + '\n';
}

/** The history line of a check when the spec sets `baseline.history`: its range, or why the check reads none. */
function describeHistory(spec: Spec, planned: PlannedCheck): string[] {
  if (spec.baseline.history === undefined) return [];
  const history = planned.history;
  if (history === undefined) {
    const why = planned.denominators ? 'a count check' : 'a canary check, whose sides share their time';
    return [`    history   not read: ${why} is judged on its windows alone`];
  }
  const pieces = history.pieces.length > 1 ? `, in ${history.pieces.length} queries` : '';
  const { baseline, post } = history.geometry;
  return [
    `    history   ${describeRange(history.range)}  [${planned.baseline.source}] ${planned.baseline.query}`,
    `              (baseline.history ${formatDuration(history.seconds)}: how much adjacent ${formatDuration(baseline)} and ${formatDuration(post)} windows differ${pieces})`,
  ];
}

/** A ratio query of counts: the count queries its looks read while waiting, or the offer to write it so. */
export function describeRatio(planned: PlannedCheck): string[] {
  const watch = planned.countWatch;
  const why = whyNotWatched(planned.check);
  if (watch !== undefined && why !== null)
    return [
      `    a ratio of counts, not watched while run waits (${why}): judged once, at the end of the window, on the query as written`,
    ];
  if (watch?.denominators !== undefined)
    return [
      `    watched as counts while waiting (a ratio of counts): numerator ${describeRange(watch.candidate.range)}  ${watch.candidate.query}`,
      `                                                         denominator ${watch.denominators.candidate.query}`,
    ];
  return planned.mode === 'before-after' ? ratioOffer(planned.check).map((line) => `    ${line}`) : [];
}

function offsetNote(spec: Spec): string {
  return spec.baseline.offset === undefined
    ? ''
    : `  (baseline.offset ${formatDuration(spec.baseline.offset)}: the post window's time of day)`;
}

function describeRange(range: TimeRange): string {
  const points = Math.floor((range.end - range.start) / range.step) + 1;
  return `${formatTime(range.start)} .. ${formatTime(range.end)} step ${range.step}s (${points} points)`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
