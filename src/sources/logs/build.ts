/** The typed spec of a logs source and the queries of a check on it, from the validated read tree. */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ReadObject } from '../../fields/read-value.js';
import type { SourceCheckPart } from '../../spec-model.js';
import type { CheckQueries } from '../source-kind.js';
import { writeQuery } from './query.js';
import type { LogsSourceSpec } from './spec.js';

/** Build a logs source spec; relative globs are anchored at the spec file's folder. */
export function buildLogsSource(name: string, source: ReadObject, specFile: string): LogsSourceSpec {
  const v = source.values;
  const spec: LogsSourceSpec = { type: 'logs', name, format: v.format as string, timeout: v.timeout as number };
  if (Array.isArray(v.files) && 'files' in source.nodes)
    spec.files = (v.files as string[]).map((glob) => (isAbsolute(glob) ? glob : resolve(dirname(specFile), glob)));
  if (Array.isArray(v.command) && 'command' in source.nodes) {
    const command = v.command as (string | string[])[];
    spec.command = command.every(Array.isArray) ? (command as string[][]) : [command as string[]];
  }
  if (typeof v.pattern === 'string') spec.pattern = v.pattern;
  const time = (v.time as ReadObject | undefined)?.values.field;
  if (typeof time === 'string') spec.timeField = time;
  return spec;
}

/** The query strings a check on a logs source is planned with (query.ts). */
export function logsCheckQueries(check: ReadObject): CheckQueries {
  const v = check.values;
  const by = Array.isArray(v.by) ? (v.by as string[]) : [];
  const step = v.step as number;
  if (typeof v.signatures === 'string')
    return {
      query: writeQuery('signatures', v.signatures, {
        step,
        ...(typeof v.message === 'string' ? { message: v.message } : {}),
      }),
    };
  if (typeof v.query === 'string') return { query: writeQuery('value', v.query, { by }) };
  if (typeof v.numerator === 'string' && typeof v.denominator === 'string')
    return {
      numerator: writeQuery('count', v.numerator, { by }),
      denominator: writeQuery('count', v.denominator, { by }),
    };
  if (typeof v.numerator === 'string') return { query: writeQuery('rate', v.numerator, { by, step }) };
  return {};
}

/** Value checks read one point per matching line (CheckSpec.probe says so to the gate); the others one per step. */
export function buildLogsCheck(check: ReadObject): SourceCheckPart | undefined {
  return typeof check.values.query === 'string' ? { kind: 'values per line', eventPoints: true } : undefined;
}
