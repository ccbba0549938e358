/** The resolved spec of a `type: scrape` source and of the checks that read it: durations in seconds. */
import type { SampledSourceSpec } from '../sampled-types.js';

/** Reads a Prometheus text-exposition endpoint `samples` times, one every `interval` seconds. */
export interface ScrapeSourceSpec extends SampledSourceSpec {
  type: 'scrape';
  timeout: number;
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

/** What a check on a scrape source measures. */
export type ScrapeMeasure =
  | { kind: 'rate'; series: MetricSelector; by: string[] }
  | { kind: 'ratio'; numerator: MetricSelector; denominator: MetricSelector; by: string[] }
  | { kind: 'quantile'; q: number; histogram: MetricSelector; by: string[] };
