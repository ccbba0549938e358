/** Specs for the run and backtest tests, parsed from YAML like users write them. */
import { formatSpecIssue } from '../../../src/errors.js';
import { parseSpec } from '../../../src/spec-file/parse.js';
import type { Spec } from '../../../src/spec-model.js';

/** A valid spec from YAML lines; throws with the issues otherwise. */
export function specFrom(...text: string[]): Spec {
  const { spec, issues } = parseSpec(`${text.join('\n')}\n`, 'spec.yaml', { vars: {}, env: {} });
  if (!spec) throw new Error(issues.map(formatSpecIssue).join('\n'));
  return spec;
}

/** The top of a spec with one Prometheus source on loopback; checks follow. */
export const TOP = ['version: 1', 'sources:', '  prom: {type: prometheus, url: "http://127.0.0.1:9090"}', 'checks:'];

/** A count check of errors out of requests at step 30s. */
export const COUNT_CHECK = [
  '  - name: errors',
  '    source: prom',
  '    numerator: \'sum(increase(requests_total{code="500"}[30s]))\'',
  "    denominator: 'sum(increase(requests_total[30s]))'",
  '    direction: increase',
];

/** A before/after check on a single query. */
export const QUERY_CHECK = [
  '  - name: latency',
  '    source: prom',
  '    query: latency_seconds',
  '    direction: increase',
];
