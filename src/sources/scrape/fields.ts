/** Field tables of a `type: scrape` source and of the check keys that read it. */
import { duration, enumOf, httpUrl, integerIn, labelName, nonEmptyString, probability } from '../../fields/scalars.js';
import type { FieldDef, ObjectType } from '../../fields/value-types.js';
import { baselineUrl, sampledHeaders } from '../sampled-fields.js';

/** Keys of a source with `type: scrape`. */
export const scrapeSourceFields: readonly FieldDef[] = [
  {
    key: 'type',
    type: enumOf(['scrape'] as const),
    required: true,
    description: 'Reads a Prometheus text-format /metrics endpoint and computes rates, ratios and quantiles locally.',
  },
  {
    key: 'url',
    type: httpUrl,
    required: true,
    description: 'The /metrics URL of the app (the new version after the deploy).',
  },
  baselineUrl,
  sampledHeaders,
  { key: 'timeout', type: duration({ positive: true }), default: '10s', description: 'Total deadline of one scrape.' },
  {
    key: 'samples',
    type: integerIn(2, 10000),
    default: 11,
    description: 'Scrapes per side; rates are computed between consecutive scrapes (samples - 1 points).',
  },
  { key: 'interval', type: duration({ positive: true }), default: '5s', description: 'Time between two scrapes.' },
];

const ratioType: ObjectType = {
  kind: 'object',
  fields: [
    {
      key: 'numerator',
      type: nonEmptyString,
      required: true,
      description: 'Counter selector of the events, e.g. http_requests_total{code=~"5.."}.',
    },
    {
      key: 'denominator',
      type: nonEmptyString,
      required: true,
      description: 'Counter selector of all events, e.g. http_requests_total.',
    },
  ],
};

const quantileType: ObjectType = {
  kind: 'object',
  fields: [
    { key: 'q', type: probability, required: true, description: 'The quantile, e.g. 0.95.' },
    {
      key: 'histogram',
      type: nonEmptyString,
      required: true,
      description:
        'Histogram name with optional matchers, e.g. http_request_duration_seconds{route="/pay"} (its _bucket series are read).',
    },
  ],
};

/** The keys that choose what a check on a scrape source measures: exactly one. */
export const SCRAPE_MODE_KEYS = ['rate', 'ratio', 'quantile'] as const;

/** Check keys for checks on scrape sources. */
export const scrapeCheckFields: readonly FieldDef[] = [
  {
    key: 'rate',
    type: nonEmptyString,
    description:
      'Scrape sources: per-second rate of a counter selector, e.g. http_requests_total{code=~"5.."} (resets survive).',
  },
  {
    key: 'ratio',
    type: ratioType,
    description: 'Scrape sources: rate of `numerator` over rate of `denominator` (e.g. an error ratio).',
  },
  {
    key: 'quantile',
    type: quantileType,
    description: 'Scrape sources: a quantile from histogram buckets, interpolated as histogram_quantile does.',
  },
  {
    key: 'by',
    type: { kind: 'list', item: labelName },
    description: 'Scrape sources: judge one series per value of these labels (like `sum by`); default: one series.',
  },
];
