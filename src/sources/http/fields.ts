/** Field tables of a `type: http` source and of the check key that reads it. */
import { anyString, duration, enumOf, httpUrl, integerIn, nonEmptyString } from '../../fields/scalars.js';
import type { FieldDef } from '../../fields/value-types.js';
import { baselineUrl, sampledHeaders } from '../sampled-fields.js';
import { statusSet } from './status-set.js';

/** Keys of a source with `type: http`. */
export const httpSourceFields: readonly FieldDef[] = [
  {
    key: 'type',
    type: enumOf(['http'] as const),
    required: true,
    description: 'Probes an endpoint: success, latency and a number from the JSON body.',
  },
  { key: 'url', type: httpUrl, required: true, description: 'The URL to probe (the new version after the deploy).' },
  baselineUrl,
  {
    key: 'method',
    type: enumOf(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const),
    default: 'GET',
    description: 'HTTP method of each probe.',
  },
  sampledHeaders,
  {
    key: 'body',
    type: { ...anyString, dollarIsText: true },
    description: 'Request body of each probe (e.g. JSON for a POST).',
  },
  {
    key: 'timeout',
    type: duration({ positive: true }),
    default: '5s',
    description: 'Total deadline of one probe; a slower probe fails.',
  },
  {
    key: 'samples',
    type: integerIn(1, 10000),
    default: 200,
    description:
      'Probes per side. The default is sized for `measure: success`: 200 probes rule out a rise of the failure share by 5 points on a service that fails about 1% of requests (`validate` says what the planned samples decide).',
  },
  {
    key: 'interval',
    type: duration({ positive: true }),
    default: '1s',
    description: 'Time between the starts of two probes.',
  },
  {
    key: 'expectStatus',
    type: statusSet,
    default: '2xx',
    description: 'Statuses that count as success: 200, 2xx, 200-204 or a comma list. Redirects are not followed.',
  },
  {
    key: 'condition',
    type: nonEmptyString,
    description: 'A condition on the JSON body for success, e.g. `$.status == "UP"` (==, !=, <, <=, >, >=, && and ||).',
  },
  {
    key: 'value',
    type: nonEmptyString,
    description: 'JSON path of the number `measure: value` judges, e.g. `$.queue.depth`.',
  },
];

/** Check keys for checks on http sources. */
export const httpCheckFields: readonly FieldDef[] = [
  {
    key: 'measure',
    type: enumOf(['success', 'latency', 'value'] as const),
    description:
      'HTTP sources: what the check judges: success (a proportion, count test), latency (seconds) or value (the JSON number).',
  },
];
