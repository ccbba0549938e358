/**
 * Spec types of the sources that keep no history (HTTP probes, scraped /metrics) and of the
 * checks that read them. Resolved like the rest of the spec: durations in seconds.
 */

/** A closed range of HTTP status codes, e.g. [200, 299] for `2xx`. */
export type StatusRange = [number, number];

/** Probes one URL `samples` times, one every `interval` seconds. */
export interface HttpSourceSpec {
  type: 'http';
  name: string;
  url: string;
  /** Side-by-side mode (blue/green): the old instance, probed together with `url`. */
  baselineUrl?: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Total deadline of one probe, seconds. */
  timeout: number;
  samples: number;
  interval: number;
  /** A probe succeeds when its status is in one of these ranges (and `condition` holds). */
  expectStatus: StatusRange[];
  /** A condition on the JSON body, e.g. `$.status == "UP"` (parsed by src/spec-file/json-condition.ts). */
  condition?: string;
  /** A JSON path to the number measured by `measure: value`, e.g. `$.queue.depth`. */
  value?: string;
}

/** Reads a Prometheus text-exposition endpoint `samples` times, one every `interval` seconds. */
export interface ScrapeSourceSpec {
  type: 'scrape';
  name: string;
  url: string;
  baselineUrl?: string;
  headers: Record<string, string>;
  timeout: number;
  samples: number;
  interval: number;
}

/** One label matcher of a selector, as in PromQL. */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A metric name with label matchers: `http_requests_total{code=~"5.."}`. */
export interface MetricSelector {
  metric: string;
  matchers: LabelMatcher[];
}

/** What a check on an HTTP or scrape source measures. */
export type ProbeMeasure =
  | { kind: 'success' }
  | { kind: 'latency' }
  | { kind: 'value' }
  | { kind: 'rate'; series: MetricSelector; by: string[] }
  | { kind: 'ratio'; numerator: MetricSelector; denominator: MetricSelector; by: string[] }
  | { kind: 'quantile'; q: number; histogram: MetricSelector; by: string[] };

/** The source types that are sampled now rather than queried over a past range. */
export const SAMPLED_SOURCE_TYPES = ['http', 'scrape'] as const;

/** True for a source type without history (see SAMPLED_SOURCE_TYPES). */
export function isSampledSourceType(type: unknown): type is (typeof SAMPLED_SOURCE_TYPES)[number] {
  return (SAMPLED_SOURCE_TYPES as readonly unknown[]).includes(type);
}
