/** The PromQL the integration specs use, built from a label selector such as `job="healthy"`. */

/** Share of requests answered 5xx. */
export function errorRatioQuery(selector: string, by?: string): string {
  const sum = by ? `sum by (${by})` : 'sum';
  return `${sum} (rate(http_requests_total{${selector},code=~"5.."}[1m])) / ${sum} (rate(http_requests_total{${selector}}[1m]))`;
}

/** 95th percentile latency from the histogram buckets, optionally per `by` label. */
export function p95Query(selector: string, by?: string): string {
  const labels = by ? `${by}, le` : 'le';
  return `histogram_quantile(0.95, sum by (${labels}) (rate(http_request_duration_seconds_bucket{${selector}}[1m])))`;
}

/** Requests per second. */
export function throughputQuery(selector: string, by?: string): string {
  const sum = by ? `sum by (${by})` : 'sum';
  return `${sum} (rate(http_requests_total{${selector}}[1m]))`;
}

/** 5xx responses per second. */
export function errorRateQuery(selector: string, by?: string): string {
  const sum = by ? `sum by (${by})` : 'sum';
  return `${sum} (rate(http_requests_total{${selector},code=~"5.."}[1m]))`;
}

/** The query for one metric of the plan. */
export function metricQuery(
  metric: 'errorRatio' | 'errorRate' | 'p95' | 'throughput',
  selector: string,
  by?: string,
): string {
  if (metric === 'errorRatio') return errorRatioQuery(selector, by);
  if (metric === 'errorRate') return errorRateQuery(selector, by);
  if (metric === 'p95') return p95Query(selector, by);
  return throughputQuery(selector, by);
}
