/** Specs with http and scrape sources, parsed as `run` would. */
import { formatSpecIssue } from '../../../src/errors.js';
import { parseSpec } from '../../../src/spec-file/parse.js';
import type { Spec } from '../../../src/spec-model.js';

export const PROBE_SPEC = `version: 1
name: shop
sources:
  app:
    type: http
    url: http://127.0.0.1:8080/healthz
    headers: { Authorization: "Bearer \${TOKEN}" }
    condition: $.status == "UP"
    value: $.queue.depth
  metrics:
    type: scrape
    url: http://127.0.0.1:8080/metrics
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
  - name: queue
    source: app
    measure: value
    direction: increase
  - name: errors
    source: metrics
    ratio: { numerator: 'http_requests_total{code=~"5.."}', denominator: http_requests_total }
    direction: increase
  - name: p95
    source: metrics
    quantile: { q: 0.95, histogram: http_request_duration_seconds }
    by: [route]
    direction: increase
`;

/** Parse spec text; the issues as `line:col: message`. */
export function parse(
  text: string,
  vars: Record<string, string> = { TOKEN: 's3cr3t' },
): { spec?: Spec; issues: string[] } {
  const { spec, issues } = parseSpec(text, 'spec.yaml', { vars, env: {} });
  return { ...(spec ? { spec } : {}), issues: issues.map((i) => formatSpecIssue(i).replace(/^spec\.yaml:/, '')) };
}

/** A valid spec, or a test failure listing its issues. */
export function validSpec(text: string, vars?: Record<string, string>): Spec {
  const { spec, issues } = parse(text, vars);
  if (!spec) throw new Error(`expected a valid spec:\n${issues.join('\n')}`);
  return spec;
}
