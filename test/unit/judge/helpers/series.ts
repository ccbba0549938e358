/** Builders of series and checks for judge tests. */
import type { CheckSpec } from '../../../../src/spec-model.js';
import type { Labels, Series } from '../../../../src/types.js';

/** A series with one point per value, 30 s apart. */
export function series(values: readonly number[], labels: Labels = {}): Series {
  return { labels, points: values.map((v, i) => ({ t: 1_700_000_000 + 30 * i, v })) };
}

/** A resolved check with the spec's defaults, overridden by `overrides`. */
export function check(overrides: Partial<CheckSpec> = {}): CheckSpec {
  return {
    name: 'latency',
    source: 'prom',
    query: 'q',
    direction: 'increase',
    tolerance: 0.1,
    confidence: 0.95,
    step: 30,
    aggregate: 'mean',
    critical: true,
    minSamples: 5,
    ignoreLabels: [],
    positions: {},
    ...overrides,
  };
}
