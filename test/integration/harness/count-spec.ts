/** Spec YAML for the count-check, offset and backtest integration tests (render-spec.ts covers query checks). */

/** YAML single quotes: PromQL never needs a `'` here. */
export const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Errors out of requests of one job, counted per 30s step (`increase(...[30s])` at step 30s). */
export function errorCountLines(job: string, extra: string[] = []): string[] {
  return [
    '  - name: error count',
    '    source: prom',
    `    numerator: ${quote(`sum(increase(http_requests_total{job="${job}",code=~"5.."}[30s]))`)}`,
    `    denominator: ${quote(`sum(increase(http_requests_total{job="${job}"}[30s]))`)}`,
    '    direction: increase',
    '    tolerance: 25%',
    ...extra,
  ];
}

/** The p95 latency of one job, from the histogram at a 1m rate. */
export function p95Lines(job: string): string[] {
  return [
    '  - name: p95 latency',
    '    source: prom',
    `    query: ${quote(`histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="${job}"}[1m])))`)}`,
    '    direction: increase',
    '    tolerance: 10%',
  ];
}

/** A latency check named "<job> latency" on `metric{job="<job>"}`, direction increase, tolerance 10%. */
export function jobLatencyLines(metric: string, job: string): string[] {
  return [
    `  - name: ${job} latency`,
    '    source: prom',
    `    query: ${quote(`${metric}{job="${job}"}`)}`,
    '    direction: increase',
    '    tolerance: 10%',
  ];
}

/** A whole spec: the given windows (YAML lines at the top), a Prometheus source at ${PROMETHEUS_URL}, the checks. */
export function countSpec(top: string[], checks: string[]): string {
  return prometheusSpec('counts', top, '30s', checks);
}

/** A spec named `name`: `top` (windows, as YAML lines), every check at `step`, one Prometheus source at ${PROMETHEUS_URL}. */
export function prometheusSpec(name: string, top: string[], step: string, checks: string[]): string {
  return [
    'version: 1',
    `name: ${name}`,
    ...top,
    'defaults:',
    `  step: ${step}`,
    'sources:',
    '  prom:',
    '    type: prometheus',
    '    url: ${PROMETHEUS_URL}',
    '    timeout: 10s',
    'checks:',
    ...checks,
    '',
  ].join('\n');
}
