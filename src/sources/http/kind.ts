/** `type: http`: probes an endpoint now (no history) for success, latency and a number from its JSON body. */
import type { SampledSourceKind } from '../source-kind.js';
import { buildHttpMeasure, buildHttpSource } from './build.js';
import { judgedHttp } from './derive.js';
import { httpCheckFields, httpSourceFields } from './fields.js';
import { httpCheckSchemas, validateHttpCheck, validateHttpSource } from './rules.js';
import { createHttpSource } from './source.js';
import type { HttpMeasure, HttpSourceSpec } from './spec.js';
import { httpStarter } from './starter.js';

export const httpKind = {
  type: 'http',
  summary: 'probes an endpoint now: success, latency and a number from the JSON body',
  history: 'sampled',
  sampleNoun: 'probes',
  fields: httpSourceFields,
  reference: [
    {
      title: 'HTTP probe sources (`sources.<name>` with `type: http`)',
      path: 'sources.<name>.',
      fields: httpSourceFields,
    },
  ],
  checkModeKeys: ['measure'],
  checkFields: httpCheckFields,
  checkSchemas: httpCheckSchemas,
  validateSource: validateHttpSource,
  validateCheck: validateHttpCheck,
  buildSource: buildHttpSource,
  buildCheck: buildHttpMeasure,
  create: (spec) => createHttpSource(spec),
  judged: judgedHttp,
  starter: httpStarter,
} satisfies SampledSourceKind<HttpSourceSpec, HttpMeasure>;
