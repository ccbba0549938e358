/**
 * The spec's fields, defined once: validation, defaults, the JSON Schema and editor help all read
 * these tables. To add a field, add a row here (and to src/spec-model.ts). A source's own keys,
 * and the check keys only its checks use, are in its folder (src/sources/<type>/) and come in
 * through the registry.
 */
import {
  boolean,
  constant,
  duration,
  enumOf,
  finiteNumber,
  httpUrl,
  integerIn,
  labelName,
  nonEmptyString,
  percentage,
  probability,
  timestamp,
} from '../fields/scalars.js';
import type { FieldDef, ObjectType } from '../fields/value-types.js';
import { SOURCE_KINDS } from '../sources/registry.js';
import { checkModeSchema } from './check-mode.js';
import { promqlQuery } from './promql-query-type.js';

/** Keys that only make sense per check, so `defaults:` cannot set them. */
export const CHECK_ONLY_KEYS: readonly string[] = [
  'name',
  'query',
  'baselineQuery',
  'candidateQuery',
  'numerator',
  'denominator',
  ...SOURCE_KINDS.flatMap((kind) => kind.checkFields.map((field) => field.key)),
];

/** Source names appear in messages and reports, so they stay simple. */
export const SOURCE_NAME = /^[A-Za-z0-9_-]+$/;

/** Keys of one entry of `checks:`. */
export const checkFields: readonly FieldDef[] = [
  { key: 'name', type: nonEmptyString, required: true, description: 'Unique name of the check, shown in reports.' },
  {
    key: 'source',
    type: nonEmptyString,
    description: 'Name of the entry under `sources:` to query. Required here or in `defaults`.',
  },
  {
    key: 'query',
    type: promqlQuery,
    description: 'PromQL read over the baseline window and over the post window (before/after mode).',
  },
  {
    key: 'baselineQuery',
    type: promqlQuery,
    description:
      'Canary mode: PromQL for the baseline (e.g. track="stable"), read over the post window. Needs `candidateQuery`.',
  },
  {
    key: 'candidateQuery',
    type: promqlQuery,
    description:
      'Canary mode: PromQL for the candidate (e.g. track="canary"), read over the post window. Needs `baselineQuery`.',
  },
  {
    key: 'numerator',
    type: promqlQuery,
    description:
      'Count mode: PromQL for the events of one step, e.g. sum(increase(http_requests_total{code=~"5.."}[30s])) with step 30s (every range must equal `step`). Needs `denominator`; judged as counts over the baseline and post windows.',
  },
  {
    key: 'denominator',
    type: promqlQuery,
    description:
      'Count mode: PromQL for the trials of one step the numerator is a share of, e.g. sum(increase(http_requests_total[30s])). Needs `numerator`.',
  },
  {
    key: 'minTraffic',
    type: integerIn(1),
    default: 100,
    description: 'Count mode: fewer denominator events than this in either window is inconclusive.',
  },
  {
    key: 'direction',
    type: enumOf(['increase', 'decrease', 'either'] as const),
    description:
      'The change that is bad: increase (latency, errors), decrease (throughput) or either. Required here or in `defaults`.',
  },
  {
    key: 'tolerance',
    type: percentage,
    default: '10%',
    description: 'Relative change allowed before it counts as a regression: 10% or 0.1.',
  },
  {
    key: 'confidence',
    type: probability,
    default: 0.95,
    description: 'Confidence of the statistical test (1 - false-alarm rate): 0.95 or 95%.',
  },
  {
    key: 'step',
    type: duration({ positive: true }),
    default: '30s',
    description: 'Query resolution (Prometheus `step`).',
  },
  {
    key: 'max',
    type: finiteNumber,
    description: "Absolute upper bound on the post window's `aggregate` (fails above it).",
  },
  {
    key: 'min',
    type: finiteNumber,
    description: "Absolute lower bound on the post window's `aggregate` (fails below it).",
  },
  {
    key: 'aggregate',
    type: enumOf(['mean', 'median', 'p90', 'p95', 'p99', 'max'] as const),
    default: 'mean',
    description: 'The statistic of the post window that `max` and `min` bound.',
  },
  {
    key: 'critical',
    type: boolean,
    default: true,
    description: 'A failing critical check fails the run; a non-critical one only warns.',
  },
  {
    key: 'minSamples',
    type: integerIn(1),
    default: 5,
    description: 'Usable samples needed on each side before the check is judged; fewer is inconclusive.',
  },
  {
    key: 'ignoreLabels',
    type: { kind: 'list', item: labelName },
    default: [],
    description: 'Labels left out when matching baseline to candidate series (e.g. pod, instance).',
  },
  ...sharedCheckFields(SOURCE_KINDS.flatMap((kind) => kind.checkFields)),
];

/** Kinds' check keys; a key two kinds declare (`by`) is one field, described by both. */
function sharedCheckFields(fields: readonly FieldDef[]): FieldDef[] {
  const byKey = new Map<string, FieldDef>();
  for (const field of fields) {
    const first = byKey.get(field.key);
    byKey.set(field.key, first ? { ...first, description: `${first.description} ${field.description}` } : field);
  }
  return [...byKey.values()];
}

/** Keys of `defaults:`: every check key except the per-check ones, none of them required. */
export const defaultsFields: readonly FieldDef[] = checkFields
  .filter((field) => !CHECK_ONLY_KEYS.includes(field.key))
  .map(({ key, type, description }) => ({ key, type, description }));

/** Source blocks by their `type:` value, from the registry. */
export const sourceTypes: Readonly<Record<string, ObjectType>> = Object.fromEntries(
  SOURCE_KINDS.map((kind) => [kind.type, { kind: 'object', fields: kind.fields }]),
);

/** The top level of a spec file. */
export const specFields: readonly FieldDef[] = [
  { key: 'version', type: constant(1), required: true, description: 'Spec format version; must be 1.' },
  { key: 'name', type: nonEmptyString, description: 'Name of the service or gate, shown in reports.' },
  {
    key: 'deploy',
    type: {
      kind: 'object',
      fields: [
        { key: 'at', type: timestamp, description: 'Deploy time (RFC 3339). `--deployed-at` wins; default now.' },
        {
          key: 'warmup',
          type: duration({ positive: false }),
          default: 0,
          description: 'The post window starts this long after the deploy.',
        },
        {
          key: 'rollback',
          type: { kind: 'list', item: nonEmptyString, minItems: 1 },
          description:
            'The rollback command as an argv list (no shell; write ["sh", "-c", "..."] for one), run by `run ... -- <deploy command>` when the verdict is fail (or inconclusive with `--rollback-on inconclusive`). `--rollback` wins.',
        },
        {
          key: 'detect',
          type: {
            kind: 'object',
            fields: [
              {
                key: 'source',
                type: nonEmptyString,
                required: true,
                description: 'The source to read (a Prometheus source; a logs source with `match`).',
              },
              {
                key: 'query',
                type: nonEmptyString,
                description:
                  'A query whose set of series changes at a deploy (a version label: `max by (version) (app_build_info{job="x"})`) or whose value jumps (a restart: `process_start_time_seconds{job="x"}`).',
              },
              {
                key: 'match',
                type: nonEmptyString,
                description:
                  'On a logs source: the lines that mark a deploy, a selector over the fields (`{msg=~"deployed version .*"}`) or a regex searched in the whole line (`deployed version [0-9.]+`); the last matching line is the deploy.',
              },
              {
                key: 'within',
                type: duration({ positive: true }),
                default: '1h',
                description:
                  '`--deployed-at detect` looks this far back for the last deploy; nothing found is a spec error (exit 2).',
              },
              {
                key: 'settle',
                type: duration({ positive: false }),
                default: '5m',
                description:
                  'Changes closer together than this are one deploy (a rolling restart); the deploy time is the last of them.',
              },
            ],
          },
          description:
            'How to find the deploy time when nobody wrote it down: `--deployed-at detect`, `backtest --deploys`, and a plain `backtest` leaving out the moments near a deploy.',
        },
      ],
    },
    description: 'When the deploy happened.',
  },
  {
    key: 'baseline',
    type: {
      kind: 'object',
      fields: [
        {
          key: 'window',
          type: duration({ positive: true }),
          default: '30m',
          description: 'Length of the baseline window, which ends at the deploy time.',
        },
        {
          key: 'offset',
          type: duration({ positive: true }),
          description:
            'Compare with the same time of day this long earlier (e.g. 1d, 7d): the baseline window then ends `offset` before the post window ends. At least warmup + post window; not for canary checks.',
        },
        {
          key: 'history',
          type: duration({ positive: true }),
          description:
            "Also judge each change against the natural variability of its series: how much two adjacent windows of the run's lengths differed over this much history before the deploy (e.g. 24h, 7d). Sources with history only (not http or scrape); used by before/after value checks. At least 5 baseline + post spans.",
        },
      ],
    },
    description: 'The window before the deploy.',
  },
  {
    key: 'post',
    type: {
      kind: 'object',
      fields: [
        {
          key: 'window',
          type: duration({ positive: true }),
          default: '10m',
          description: 'Length of the post window, which starts at deploy time + warmup.',
        },
      ],
    },
    description: 'The window after the deploy.',
  },
  {
    key: 'defaults',
    type: { kind: 'object', fields: defaultsFields, forbidden: checkOnlyReasons() },
    description: "Values for every check that does not set them; a check's own keys win.",
  },
  {
    key: 'notify',
    type: { kind: 'list', item: httpUrl, minItems: 1 },
    description:
      'Webhooks (Slack, Mattermost, Rocket.Chat incoming webhooks) the verdict is posted to when `run` ends; `--notify` adds more. A URL is treated as a secret: never printed.',
  },
  {
    key: 'sources',
    type: {
      kind: 'map',
      value: { kind: 'union', discriminator: 'type', variants: sourceTypes },
      keyPattern: { regex: SOURCE_NAME, what: 'source name', hint: 'use only letters, digits, "_" and "-"' },
      owner: 'source',
      minEntries: 1,
    },
    required: true,
    description: 'Named metric sources; checks refer to them by name.',
  },
  {
    key: 'checks',
    type: {
      kind: 'list',
      item: { kind: 'object', fields: checkFields, schemaRules: checkModeSchema },
      minItems: 1,
      owner: { label: 'check', nameKey: 'name' },
    },
    required: true,
    description: 'The checks; every one counts toward the verdict.',
  },
];

function checkOnlyReasons(): Record<string, string> {
  const reasons: Record<string, string> = Object.create(null);
  for (const key of CHECK_ONLY_KEYS) reasons[key] = 'cannot be set in defaults: set it in each check';
  return reasons;
}
