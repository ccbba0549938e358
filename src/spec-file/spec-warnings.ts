/**
 * Things in a valid spec worth telling the user about, without refusing it: `validate` prints
 * them on stderr and `run` puts them in the report's warnings. Each names the file, line and
 * column of the query it is about.
 */
import { describeShortWindows } from './window-points.js';
import { formatDuration } from '../time/duration.js';
import { MIN_REDACTABLE_LENGTH } from '../redact.js';
import { findPromQLRanges } from './promql-ranges.js';
import type { CheckSpec, Spec } from '../spec-model.js';
import { writesOwnQueries } from '../sources/index.js';

const VALUE_QUERY_KEYS = ['query', 'baselineQuery', 'candidateQuery'] as const;

/** Functions that read every sample of their range: a range longer than the step makes points overlap. */
function readsWholeRange(fn: string | undefined): boolean {
  return fn !== undefined && (['rate', 'increase', 'delta', 'deriv'].includes(fn) || fn.endsWith('_over_time'));
}

/** Every warning about the spec, as `file:line:col: message`. */
export function findSpecWarnings(spec: Spec): string[] {
  const checks = spec.checks.flatMap((check) => [
    ...(writesOwnQueries(spec.sources[check.source]?.type)
      ? []
      : [...overlapWarnings(spec.file, check), ...countWarnings(spec.file, check)]),
    ...describeShortWindows(spec, check).map((problem) => `${spec.file}: check "${check.name}": ${problem}`),
  ]);
  return [...shortSecretWarnings(spec), ...(spec.warnings ?? []), ...longPostWindowWarnings(spec), ...checks];
}

/** Post windows from this long on: the wander the warning is about spans tens of minutes (a few-second demo window is not concerned). */
const LONG_POST_WINDOW = 600;

/**
 * A post window as long as the baseline, for before/after value checks judged on their windows
 * alone: a wander slower than the baseline can show (latency drifting over tens of minutes) is
 * read as noise of a shorter memory, and the longer the post window the more it drifts from the
 * baseline. Measured (docs/benchmarks.md, "Long memory when the post window is as long as the
 * baseline"): 4.9% false alarms with a 10-minute post window after a 30-minute baseline, 7-8%
 * with 30 or 50 minutes, 5.3% at 50 minutes with baseline.history. Pairs (offset, canary) and
 * counts are judged otherwise and are not concerned.
 */
function longPostWindowWarnings(spec: Spec): string[] {
  const { baseline, post } = spec;
  if (post.window < LONG_POST_WINDOW || post.window < baseline.window) return [];
  if (baseline.offset !== undefined || baseline.history !== undefined) return [];
  const beforeAfterValues = spec.checks.some((c) => c.numerator === undefined && c.baselineQuery === undefined);
  if (!beforeAfterValues) return [];
  return [
    `${spec.file}: the post window (${formatDuration(post.window)}) is ${post.window > baseline.window ? 'longer than' : 'as long as'} the baseline (${formatDuration(baseline.window)}): ` +
      'a value that wanders more slowly than the baseline can show (latency drifting over tens of minutes) reads as a change ' +
      'more often than the confidence allows; make baseline.window at least twice post.window, or add baseline.history ' +
      '(e.g. 24h) on a source with history',
  ];
}

/** A credential too short to mask inside ordinary text: it is masked only where a whole value equals it. */
function shortSecretWarnings(spec: Spec): string[] {
  return (spec.shortSecrets ?? []).map(
    ({ field, position }) =>
      `${spec.file}:${position.line}:${position.col}: the secret in ${field} is shorter than ${MIN_REDACTABLE_LENGTH} characters: ` +
      `it cannot be redacted from ordinary text safely (masking it would rewrite common words and numbers), so it is masked only ` +
      `where a whole value equals it and may appear inside messages and reports; use a longer credential`,
  );
}

/** A step shorter than a rate()/increase() range: consecutive points share most of their samples. */
function overlapWarnings(file: string, check: CheckSpec): string[] {
  const warnings: string[] = [];
  for (const key of VALUE_QUERY_KEYS) {
    const query = check[key];
    if (query === undefined) continue;
    const longest = findPromQLRanges(query)
      .filter((r) => readsWholeRange(r.fn) && r.seconds !== undefined && r.seconds > check.step)
      .sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0))[0];
    if (longest === undefined) continue;
    warnings.push(
      `${where(file, check, key)}: check "${check.name}": the step (${formatDuration(check.step)}) is shorter than the ` +
        `[${longest.text}] range of ${longest.fn}() in ${key}: points overlap, so n points are not n samples; the judge corrects ` +
        `for autocorrelation, but a step equal to the range gives more information per point (step: ${longest.text}, or [${formatDuration(check.step)}])`,
    );
  }
  return warnings;
}

/** A count query without any range is most likely a raw counter, whose points are running totals. */
function countWarnings(file: string, check: CheckSpec): string[] {
  const warnings: string[] = [];
  for (const key of ['numerator', 'denominator'] as const) {
    const query = check[key];
    if (query === undefined || findPromQLRanges(query).length > 0) continue;
    warnings.push(
      `${where(file, check, key)}: check "${check.name}": ${key} has no range like [${formatDuration(check.step)}]: each point must be the ` +
        `number of events in one step (e.g. increase(x[${formatDuration(check.step)}])), not a counter's running total`,
    );
  }
  return warnings;
}

function where(file: string, check: CheckSpec, key: keyof CheckSpec['positions']): string {
  const position = check.positions[key];
  return position ? `${file}:${position.line}:${position.col}` : file;
}
