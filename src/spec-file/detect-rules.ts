/**
 * Rules for `deploy.detect`: it names a defined source, and says what to look for there: a
 * `query` (a source with history: the set of series changes, or a value jumps) or a `match` (a
 * logs source: the last matching line), not both; the named source's kind checks the one it takes
 * (SourceKind.validateDetect).
 */
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import { DETECT_TYPES, kindOf, writesOwnQueries } from '../sources/index.js';
import { validateQueries } from './validate-queries.js';

export function validateDeployDetect(
  root: ReadObject,
  sources: Record<string, ReadObject>,
  ctx: ReadContext,
  text: string,
): void {
  const deploy = root.values.deploy as ReadObject | undefined;
  const detect = deploy?.values.detect as ReadObject | undefined;
  if (detect === undefined || deploy === undefined || !('detect' in deploy.nodes)) return;
  const source = detect.values.source;
  if (typeof source === 'string' && sources[source] === undefined) {
    const known = Object.keys(sources);
    ctx.report(
      detect.nodes.source,
      `deploy.detect uses source "${source}", which is not defined${known.length > 0 ? ` (defined: ${known.join(', ')})` : ''}`,
    );
  }
  const hasQuery = 'query' in detect.nodes;
  const hasMatch = 'match' in detect.nodes;
  // The source's kind reads the key it takes (a logs source's match, parsed here as detection
  // will); a kind without the hook cannot find deploys at all.
  const named = typeof source === 'string' && Object.hasOwn(sources, source) ? sources[source] : undefined;
  const kind = named === undefined ? undefined : kindOf(named.values.type);
  if (kind !== undefined && kind.validateDetect === undefined)
    ctx.report(
      detect.nodes.source,
      `deploy.detect: source "${source as string}" (${kind.type}) cannot find deploys; use a source of type ${DETECT_TYPES}`,
    );
  else if (hasQuery !== hasMatch && named !== undefined) {
    kind?.validateDetect?.(detect, { ctx, text, name: source as string, source: named });
    // A query on a source whose checks are PromQL is PromQL too: its syntax is checked like a check's.
    if (hasQuery && !writesOwnQueries(named.values.type)) validateQueries(detect, text, ctx, 'deploy.detect');
  }
  if (hasQuery === hasMatch) {
    ctx.report(
      hasQuery ? detect.nodes.match : (detect.nodes.source ?? undefined),
      hasQuery
        ? 'deploy.detect takes either "query" or "match", not both'
        : 'deploy.detect needs "query" (a version metric such as app_build_info, or process_start_time_seconds) or, on a logs source, "match"',
    );
  }
}
