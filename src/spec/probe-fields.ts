/**
 * Field tables of the sources without history (`type: http`, `type: scrape`) and of the check
 * keys that read them. Listed in fields.ts next to the Prometheus ones.
 */
import { anyString, duration, enumOf, headerValue, httpUrl, integerIn, labelName, nonEmptyString, probability } from './scalars.js';
import { statusSet } from './status-set.js';
import type { FieldDef, ObjectType } from './value-types.js';

/** An HTTP header name (RFC 9110 token), as in fields.ts (not imported: fields.ts imports this file). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headers: FieldDef = {
  key: 'headers',
  type: { kind: 'map', value: headerValue, keyPattern: { regex: HEADER_NAME, what: 'header name', hint: 'use letters, digits and "-" (an HTTP header name)' } },
  secret: 'substituted',
  default: {},
  description: 'Extra HTTP headers sent with every request, e.g. Authorization: "Bearer ${TOKEN}".',
};

const baselineUrl: FieldDef = {
  key: 'baselineUrl',
  type: httpUrl,
  description: 'Side-by-side mode (blue/green): the old instance, sampled together with `url` as the baseline; no snapshot needed.',
};

/** Keys of a source with `type: http`. */
export const httpSourceFields: readonly FieldDef[] = [
  { key: 'type', type: enumOf(['http'] as const), required: true, description: 'Probes an endpoint: success, latency and a number from the JSON body.' },
  { key: 'url', type: httpUrl, required: true, description: 'The URL to probe (the new version after the deploy).' },
  baselineUrl,
  { key: 'method', type: enumOf(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const), default: 'GET', description: 'HTTP method of each probe.' },
  headers,
  { key: 'body', type: { ...anyString, dollarIsText: true }, description: 'Request body of each probe (e.g. JSON for a POST).' },
  { key: 'timeout', type: duration({ positive: true }), default: '5s', description: 'Total deadline of one probe; a slower probe fails.' },
  { key: 'samples', type: integerIn(1, 10000), default: 20, description: 'Probes per side.' },
  { key: 'interval', type: duration({ positive: true }), default: '1s', description: 'Time between the starts of two probes.' },
  { key: 'expectStatus', type: statusSet, default: '2xx', description: 'Statuses that count as success: 200, 2xx, 200-204 or a comma list. Redirects are not followed.' },
  { key: 'condition', type: nonEmptyString, description: 'A condition on the JSON body for success, e.g. `$.status == "UP"` (==, !=, <, <=, >, >=, && and ||).' },
  { key: 'value', type: nonEmptyString, description: 'JSON path of the number `measure: value` judges, e.g. `$.queue.depth`.' },
];

/** Keys of a source with `type: scrape`. */
export const scrapeSourceFields: readonly FieldDef[] = [
  { key: 'type', type: enumOf(['scrape'] as const), required: true, description: 'Reads a Prometheus text-format /metrics endpoint and computes rates, ratios and quantiles locally.' },
  { key: 'url', type: httpUrl, required: true, description: 'The /metrics URL of the app (the new version after the deploy).' },
  baselineUrl,
  headers,
  { key: 'timeout', type: duration({ positive: true }), default: '10s', description: 'Total deadline of one scrape.' },
  { key: 'samples', type: integerIn(2, 10000), default: 11, description: 'Scrapes per side; rates are computed between consecutive scrapes (samples - 1 points).' },
  { key: 'interval', type: duration({ positive: true }), default: '5s', description: 'Time between two scrapes.' },
];

const ratioType: ObjectType = {
  kind: 'object',
  fields: [
    { key: 'numerator', type: nonEmptyString, required: true, description: 'Counter selector of the events, e.g. http_requests_total{code=~"5.."}.' },
    { key: 'denominator', type: nonEmptyString, required: true, description: 'Counter selector of all events, e.g. http_requests_total.' },
  ],
};

const quantileType: ObjectType = {
  kind: 'object',
  fields: [
    { key: 'q', type: probability, required: true, description: 'The quantile, e.g. 0.95.' },
    { key: 'histogram', type: nonEmptyString, required: true, description: 'Histogram name with optional matchers, e.g. http_request_duration_seconds{route="/pay"} (its _bucket series are read).' },
  ],
};

/** Check keys for checks on http and scrape sources. */
export const probeCheckFields: readonly FieldDef[] = [
  { key: 'measure', type: enumOf(['success', 'latency', 'value'] as const), description: 'HTTP sources: what the check judges: success (a proportion, count test), latency (seconds) or value (the JSON number).' },
  { key: 'rate', type: nonEmptyString, description: 'Scrape sources: per-second rate of a counter selector, e.g. http_requests_total{code=~"5.."} (resets survive).' },
  { key: 'ratio', type: ratioType, description: 'Scrape sources: rate of `numerator` over rate of `denominator` (e.g. an error ratio).' },
  { key: 'quantile', type: quantileType, description: 'Scrape sources: a quantile from histogram buckets, interpolated as histogram_quantile does.' },
  { key: 'by', type: { kind: 'list', item: labelName }, description: 'Scrape sources: judge one series per value of these labels (like `sum by`); default: one series.' },
];

/** Keys that only make sense per check. */
export const PROBE_CHECK_ONLY_KEYS: readonly string[] = probeCheckFields.map((field) => field.key);
