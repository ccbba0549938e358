/**
 * Rules for `baseline.offset`. The offset baseline ends `offset` before the post window ends, so
 * it must end before the deploy (or it would hold post-deploy data); and canary checks read both
 * sides over the post window, so an offset would silently not apply to them: it is refused there.
 */
import { formatDuration } from '../time/duration.js';
import { effectiveValue } from './effective-value.js';
import { specFields } from './fields.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { FieldDef } from '../fields/value-types.js';

/** `baseline.offset` >= warmup + post window, and no canary check beside it. */
export function validateBaselineOffset(root: ReadObject, checks: readonly ReadObject[], ctx: ReadContext): void {
  const baseline = root.values.baseline as ReadObject | undefined;
  const offset = baseline?.values.offset;
  const offsetNode = baseline?.nodes.offset;
  if (typeof offset !== 'number' || offsetNode === undefined) return;
  const warmup = effectiveValue(root.values.deploy as ReadObject | undefined, 'warmup', nestedFields('deploy'));
  const post = effectiveValue(root.values.post as ReadObject | undefined, 'window', nestedFields('post'));
  if (typeof warmup === 'number' && typeof post === 'number' && offset < warmup + post) {
    ctx.report(
      offsetNode,
      `baseline.offset (${formatDuration(offset)}) must be at least deploy.warmup + post.window (${formatDuration(warmup + post)}), ` +
        'so that the baseline window ends before the deploy: use e.g. 1d to compare with the same time yesterday',
    );
  }
  const line = ctx.positionOf(offsetNode).line;
  for (const check of checks) {
    const canaryKey = (['baselineQuery', 'candidateQuery'] as const).find((key) => key in check.nodes);
    if (canaryKey === undefined) continue;
    ctx.report(
      check.nodes[canaryKey],
      `${check.where.owner} is a canary check, which reads both sides over the post window, so baseline.offset (line ${line}) ` +
        'cannot apply to it: remove baseline.offset, or move this check to a spec of its own',
    );
  }
}

function nestedFields(key: string): readonly FieldDef[] {
  const field = specFields.find((f) => f.key === key);
  return field?.type.kind === 'object' ? field.type.fields : [];
}
