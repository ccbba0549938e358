/**
 * Rules for `baseline.history`. The history is read from the source over past hours, so a check on
 * a source that keeps none (sampled: http, scrape) cannot have it: refused at the check, naming
 * the line of `baseline.history`. The spread between adjacent windows needs several of them: a
 * history shorter than five baseline + post spans is refused at `baseline.history`.
 */
import { formatDuration } from '../time/duration.js';
import { MIN_HISTORY_SPANS } from '../judge/history/spread.js';
import { sampledKindOf } from '../sources/index.js';
import { effectiveValue } from './effective-value.js';
import { specFields } from './fields.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { FieldDef } from '../fields/value-types.js';

/** `baseline.history` long enough, and no check on a source without history beside it. */
export function validateBaselineHistory(
  root: ReadObject,
  sources: Record<string, ReadObject>,
  checks: readonly ReadObject[],
  defaults: ReadObject | undefined,
  ctx: ReadContext,
): void {
  const baseline = root.values.baseline as ReadObject | undefined;
  const history = baseline?.values.history;
  const historyNode = baseline?.nodes.history;
  if (typeof history !== 'number' || historyNode === undefined) return;
  const line = ctx.positionOf(historyNode).line;
  const span = spanOf(root, baseline);
  if (span !== undefined && history < MIN_HISTORY_SPANS * span) {
    ctx.report(
      historyNode,
      `baseline.history (${formatDuration(history)}) must hold at least ${MIN_HISTORY_SPANS} spans of the baseline and post windows ` +
        `(${MIN_HISTORY_SPANS} x ${formatDuration(span)} = ${formatDuration(MIN_HISTORY_SPANS * span)}) to measure how much adjacent windows differ: ` +
        `use ${formatDuration(Math.max(86400, MIN_HISTORY_SPANS * span))} or more`,
    );
  }
  for (const check of checks) {
    const name = check.values.source ?? defaults?.values.source;
    const source = typeof name === 'string' ? sources[name] : undefined;
    const kind = sampledKindOf(source?.values.type);
    if (kind === undefined) continue;
    ctx.report(
      check.nodes.source ?? check.node,
      `${check.where.owner} reads source "${String(name)}" (${kind.type}), which keeps no history, so baseline.history (line ${line}) ` +
        'cannot apply to it: remove baseline.history, or move this check to a spec of its own',
    );
  }
}

/** Seconds from a past moment's baseline start to its post window's end, when the windows are valid. */
function spanOf(root: ReadObject, baseline: ReadObject | undefined): number | undefined {
  const window = effectiveValue(baseline, 'window', nestedFields('baseline'));
  const offset = baseline?.values.offset;
  const warmup = effectiveValue(root.values.deploy as ReadObject | undefined, 'warmup', nestedFields('deploy'));
  const post = effectiveValue(root.values.post as ReadObject | undefined, 'window', nestedFields('post'));
  if (typeof window !== 'number') return undefined;
  if (typeof offset === 'number') return offset + window;
  return typeof warmup === 'number' && typeof post === 'number' ? window + warmup + post : undefined;
}

function nestedFields(key: string): readonly FieldDef[] {
  const field = specFields.find((f) => f.key === key);
  return field?.type.kind === 'object' ? field.type.fields : [];
}
