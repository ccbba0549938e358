/**
 * Rules that span several keys of a check, run after defaults are applied. Each rule is a
 * function of one check (or all of them) that records issues. The rules of a check's
 * source-specific keys belong to its source's kind (src/sources/<type>/).
 */
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';

/** `direction` has no default: the check or `defaults` must say which change is bad. */
export function validateDirection(check: ReadObject, ctx: ReadContext, defaults: ReadObject | undefined): void {
  if ('direction' in check.nodes || (defaults && 'direction' in defaults.nodes)) return;
  ctx.report(
    check.node,
    `${check.where.owner} needs "direction": increase, decrease or either (the change that is bad); set it in the check or in defaults`,
  );
}

/** `source` must be given (here or in `defaults`) and name an entry of `sources:`. */
export function validateCheckSource(
  check: ReadObject,
  ctx: ReadContext,
  defaults: ReadObject | undefined,
  sources: ReadonlySet<string>,
): void {
  if ('source' in check.nodes) {
    const name = check.values.source;
    if (typeof name === 'string' && !sources.has(name))
      ctx.report(check.nodes.source, undefinedSourceMessage(name, check.where.owner, sources));
  } else if (!(defaults && 'source' in defaults.nodes)) {
    const hint = sources.size === 1 ? `: add "source: ${[...sources][0]}"` : '';
    ctx.report(check.node, `${check.where.owner} needs "source" (in the check or in defaults)${hint}`);
  }
}

/** The `source` of `defaults:`, checked once rather than in every check that inherits it. */
export function validateDefaultSource(
  defaults: ReadObject | undefined,
  ctx: ReadContext,
  sources: ReadonlySet<string>,
): void {
  const name = defaults?.values.source;
  if (typeof name === 'string' && !sources.has(name))
    ctx.report(defaults?.nodes.source, undefinedSourceMessage(name, 'defaults', sources));
}

function undefinedSourceMessage(name: string, who: string, sources: ReadonlySet<string>): string {
  const known = sources.size > 0 ? `; defined sources: ${[...sources].join(', ')}` : '; define it under "sources:"';
  return `${who} uses source "${name}", which is not defined${known}`;
}

/** When both bounds are set, `max` must not be below `min`. */
export function validateBounds(check: ReadObject, ctx: ReadContext): void {
  const { max, min } = check.values;
  if (typeof max === 'number' && typeof min === 'number' && max < min) {
    ctx.report(
      check.nodes.max ?? check.nodes.min ?? check.node,
      `${check.where.owner} has "max" (${max}) below "min" (${min}): max must be >= min`,
    );
  }
}

/** Check names identify results in reports, so they must be unique. */
export function validateUniqueNames(checks: readonly ReadObject[], ctx: ReadContext): void {
  const seen = new Set<string>();
  for (const check of checks) {
    const name = check.values.name;
    if (typeof name !== 'string') continue;
    if (seen.has(name)) ctx.report(check.nodes.name, `duplicate check name "${name}": check names must be unique`);
    seen.add(name);
  }
}
