/** `type: prometheus`: any Prometheus HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics), queried over past windows. */
import type { RangeSourceKind } from '../source-kind.js';
import { validateAuth } from './auth-rule.js';
import { buildPrometheusSource } from './build.js';
import { createPrometheusSource } from './client.js';
import { authFields, prometheusSourceFields } from './fields.js';
import { PROMQL_KEYS, promqlCheckSchemas, validatePromqlCheck } from './query-mode.js';
import type { PrometheusSourceSpec } from './spec.js';
import { prometheusStarter } from './starter.js';

export const prometheusKind = {
  type: 'prometheus',
  summary: 'a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics), queried over the past',
  history: 'range',
  fields: prometheusSourceFields,
  reference: [
    {
      title: 'Prometheus sources (`sources.<name>` with `type: prometheus`)',
      path: 'sources.<name>.',
      fields: prometheusSourceFields,
    },
    { title: 'Source auth (`sources.<name>.auth`)', path: 'auth.', fields: authFields },
  ],
  // The PromQL keys themselves are in the common check table (src/spec-file/fields.ts): the range
  // plan, the dry run, `check` and the backtest read them for every range source.
  checkModeKeys: PROMQL_KEYS,
  checkFields: [],
  checkSchemas: promqlCheckSchemas,
  validateSource: (source, ctx) => validateAuth(source, ctx),
  validateCheck: validatePromqlCheck,
  // deploy.detect reads a query here (client.ts findDeployMarks); `match` is for logs sources.
  validateDetect: (detect, { ctx, name }) => {
    if ('match' in detect.nodes)
      ctx.report(
        detect.nodes.match,
        `deploy.detect on source "${name}" (prometheus) takes "query" (a version metric such as app_build_info, or process_start_time_seconds), not "match"`,
      );
  },
  buildSource: buildPrometheusSource,
  create: (spec) => createPrometheusSource(spec),
  starter: prometheusStarter,
} satisfies RangeSourceKind<PrometheusSourceSpec>;
