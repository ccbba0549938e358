/** The resolved spec of a `type: http` source and of the checks that read it: durations in seconds. */
import type { SourceCheckPart } from '../../spec-model.js';
import type { SampledSourceSpec } from '../sampled-types.js';

/** A closed range of HTTP status codes, e.g. [200, 299] for `2xx`. */
export type StatusRange = [number, number];

/** Probes one URL `samples` times, one every `interval` seconds. */
export interface HttpSourceSpec extends SampledSourceSpec {
  type: 'http';
  method: string;
  body?: string;
  /** Total deadline of one probe, seconds. */
  timeout: number;
  /** A probe succeeds when its status is in one of these ranges (and `condition` holds). */
  expectStatus: StatusRange[];
  /** A condition on the JSON body, e.g. `$.status == "UP"` (parsed by json-condition.ts). */
  condition?: string;
  /** A JSON path to the number measured by `measure: value`, e.g. `$.queue.depth`. */
  value?: string;
}

/** What a check on an http source measures. */
export interface HttpMeasure extends SourceCheckPart {
  kind: 'success' | 'latency' | 'value';
}
