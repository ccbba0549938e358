/**
 * What a check on a logs source asks for, as the query string the gate plans and the dry run
 * shows (checkQueries writes it from the check's keys; the source reads it back):
 *
 *   {status=~"5.."}                 lines per step (count checks: numerator and denominator)
 *   rate({path=~"/api/.*"}[30s])    lines per second per step (a numerator alone)
 *   request_time{path=~"/api/.*"}   the field's value on each matching line
 *   signatures({level="error"}[30s], msg)  matching lines per second per message signature
 *   ... by (path, method)           one series per value of the fields
 *
 * The `[step]` is what a point at t counts, (t - step, t]: the plan reads it as the query's range,
 * so the first post point holds no line from before the deploy.
 */
import { ExpressionError } from '../../fields/text-cursor.js';
import { formatDuration } from '../../time/duration.js';
import { parseSelector, type Selector } from './selector.js';

export type LogsQuery =
  | { kind: 'count' | 'rate'; selector: Selector; by: string[] }
  | { kind: 'value'; field: string; selector: Selector; by: string[] }
  | { kind: 'signatures'; selector: Selector; message?: string };

/** Read a query string written by writeQuery (or by hand). */
export function parseLogsQuery(text: string): LogsQuery {
  const signatures = /^signatures\((.*?)(?:\[\w+\])?(?:,\s*([A-Za-z_@][\w.@-]*))?\)$/s.exec(text.trim());
  if (signatures) {
    const selector = parseSelector(signatures[1] as string);
    return { kind: 'signatures', selector, ...(signatures[2] !== undefined ? { message: signatures[2] } : {}) };
  }
  const byMatch = /\s+by\s*\(([^)]*)\)\s*$/.exec(text);
  const by = byMatch
    ? (byMatch[1] as string)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const body = byMatch ? text.slice(0, byMatch.index) : text;
  const rate = /^\s*rate\((.*?)(?:\[\w+\])?\)\s*$/s.exec(body);
  if (rate) {
    const selector = parseSelector(rate[1] as string);
    if (selector.field !== undefined)
      throw new ExpressionError('rate() counts lines: write rate({...}) without a field', 0);
    return { kind: 'rate', selector, by };
  }
  const selector = parseSelector(body);
  if (selector.field !== undefined) return { kind: 'value', field: selector.field, selector, by };
  return { kind: 'count', selector, by };
}

/** The query string of a check's part. */
export function writeQuery(
  kind: 'count' | 'rate' | 'value' | 'signatures',
  selector: string,
  options: { by?: readonly string[]; message?: string; step?: number } = {},
): string {
  const range = options.step !== undefined ? `[${formatDuration(options.step)}]` : '';
  if (kind === 'signatures')
    return `signatures(${selector.trim()}${range}${options.message ? `, ${options.message}` : ''})`;
  const by = options.by && options.by.length > 0 ? ` by (${options.by.join(', ')})` : '';
  return `${kind === 'rate' ? `rate(${selector.trim()}${range})` : selector.trim()}${by}`;
}
