/** Which queries `check` reads: every query of every check, over the last `rangeSeconds` at the check's step. */
import type { CheckSpec, Spec } from '../spec-model.js';
import type { TimeRange } from '../types.js';

const QUERY_FIELDS = ['query', 'baselineQuery', 'candidateQuery', 'numerator', 'denominator'] as const;

/** One query to read. */
export interface PlannedQueryTest {
  check: CheckSpec;
  field: (typeof QUERY_FIELDS)[number];
  query: string;
  range: TimeRange;
}

/** Ranges end at the last step boundary before `now`, so every point is a complete one. */
export function planSampling(spec: Spec, now: number, rangeSeconds: number): PlannedQueryTest[] {
  return spec.checks.flatMap((check) => {
    const end = Math.floor(now / check.step) * check.step;
    const range = { start: end - Math.max(rangeSeconds, check.step), end, step: check.step };
    return QUERY_FIELDS.flatMap((field) => {
      const query = check[field];
      return typeof query === 'string' ? [{ check, field, query, range }] : [];
    });
  });
}
