/** Field tables of a `type: prometheus` source, with its `auth:` and `tls:` objects. */
import { headerMap } from '../../fields/headers.js';
import { anyString, duration, enumOf, httpUrl, integerIn, nonEmptyString } from '../../fields/scalars.js';
import type { FieldDef } from '../../fields/value-types.js';
import { authSchema } from './auth-rule.js';

/** Keys of `auth:` of a Prometheus source. */
export const authFields: readonly FieldDef[] = [
  {
    key: 'bearer',
    type: nonEmptyString,
    secret: 'value',
    description: 'Bearer token sent as `Authorization: Bearer ...`. Use `${VAR}`.',
  },
  {
    key: 'username',
    type: nonEmptyString,
    secret: 'substituted',
    description: 'Basic auth user name (with `password`).',
  },
  {
    key: 'password',
    type: anyString,
    secret: 'value',
    description: 'Basic auth password (with `username`). Use `${VAR}`.',
  },
];

/** Keys of `tls:` of a Prometheus source. */
export const tlsFields: readonly FieldDef[] = [
  {
    key: 'ca',
    type: nonEmptyString,
    description:
      'PEM file of the CA that signed the server certificate (relative to the spec file). It replaces the default roots for this source.',
  },
  {
    key: 'serverName',
    type: nonEmptyString,
    description: 'Host name expected on the server certificate (SNI), when it differs from the URL.',
  },
];

/** Keys of a source with `type: prometheus`. */
export const prometheusSourceFields: readonly FieldDef[] = [
  {
    key: 'type',
    type: enumOf(['prometheus'] as const),
    required: true,
    description: 'Any Prometheus HTTP API: Prometheus, Thanos, Mimir, VictoriaMetrics.',
  },
  {
    key: 'url',
    type: httpUrl,
    required: true,
    description: 'Base URL of the Prometheus HTTP API, e.g. ${PROMETHEUS_URL}.',
  },
  {
    key: 'headers',
    type: headerMap,
    secret: 'substituted',
    default: {},
    description: 'Extra HTTP headers, e.g. X-Scope-OrgID for Mimir.',
  },
  {
    key: 'auth',
    type: { kind: 'object', fields: authFields, schemaRules: authSchema },
    description: 'Either `bearer`, or `username` and `password`.',
  },
  {
    key: 'tls',
    type: { kind: 'object', fields: tlsFields },
    description:
      'TLS settings for an https:// URL: a private CA, the name on the certificate. Verification cannot be turned off.',
  },
  { key: 'timeout', type: duration({ positive: true }), default: '30s', description: 'Total deadline of one request.' },
  {
    key: 'retries',
    type: integerIn(0, 10),
    default: 2,
    description: 'Attempts after the first, for retryable failures only (5xx, timeouts).',
  },
];
