/** Spec YAML for the live-scrape tests: short windows and steps, for data a Prometheus scrapes every second. */
import { prometheusSpec, quote } from './count-spec.js';

export interface LiveWindows {
  /** Durations as the spec writes them, e.g. '40s', '10m'. */
  baseline: string;
  warmup: string;
  post: string;
  step: string;
}

/**
 * A count check on the share of 500s of one job: every range equals the step (`increase(...[5s])`
 * at step 5s), as count checks require, so each point counts the requests of exactly one step.
 */
export function errorShareCheck(job: string, step: string): string[] {
  return [
    '  - name: errors',
    '    source: prom',
    `    numerator: ${quote(`sum(increase(http_requests_total{job="${job}",code="500"}[${step}]))`)}`,
    `    denominator: ${quote(`sum(increase(http_requests_total{job="${job}"}[${step}]))`)}`,
    '    direction: increase',
    '    tolerance: 25%',
  ];
}

/**
 * A value check on the mean latency of one job per step (sum over count of the histogram at the
 * step's range): a value check, so while waiting it gets the normal-mixture sequential test.
 */
export function meanLatencyCheck(job: string, step: string): string[] {
  const rate = (metric: string): string => `sum(rate(${metric}{job="${job}"}[${step}]))`;
  return [
    '  - name: mean latency',
    '    source: prom',
    `    query: ${quote(`${rate('http_request_duration_seconds_sum')} / ${rate('http_request_duration_seconds_count')}`)}`,
    '    direction: increase',
    '    tolerance: 25%',
  ];
}

/** A whole spec: the windows, one Prometheus source at ${PROMETHEUS_URL}, the checks (YAML lines). */
export function liveSpec(windows: LiveWindows, checks: string[]): string {
  const top = [
    'deploy:',
    `  warmup: ${windows.warmup}`,
    'baseline:',
    `  window: ${windows.baseline}`,
    'post:',
    `  window: ${windows.post}`,
  ];
  return prometheusSpec('live scrape', top, windows.step, checks);
}
