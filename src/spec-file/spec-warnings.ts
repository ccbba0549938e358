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
  return [...shortSecretWarnings(spec), ...(spec.warnings ?? []), ...checks];
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
