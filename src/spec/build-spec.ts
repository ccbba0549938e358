/** Turn the validated, defaulted read tree into the typed Spec the rest of the program uses. */
import { dirname, resolve } from 'node:path';
import { formatSpecIssue } from '../errors.js';
import type { Aggregate, Direction } from '../types.js';
import { buildProbeMeasure, buildSampledSource } from './probe-build.js';
import { isSampledSourceType } from './probe-types.js';
import type { ReadContext } from './read-context.js';
import type { ReadObject } from './read-value.js';
import type { CheckSpec, PrometheusSourceSpec, Spec, SourceSpec } from './types.js';

type Values = Record<string, unknown>;

const sub = (object: ReadObject, key: string): Values => (object.values[key] as ReadObject | undefined)?.values ?? {};

/** Assemble a Spec; only called when no issue was found, so every value has its parsed type. */
export function buildSpec(root: ReadObject, sources: Record<string, ReadObject>, checks: readonly ReadObject[], ctx: ReadContext): Spec {
  const deploy = sub(root, 'deploy');
  const spec: Spec = {
    version: 1,
    file: ctx.file,
    deploy: { warmup: deploy.warmup as number },
    baseline: { window: sub(root, 'baseline').window as number },
    post: { window: sub(root, 'post').window as number },
    sources: Object.create(null) as Record<string, SourceSpec>,
    checks: checks.map((check) => buildCheck(check, ctx)),
    secrets: [...ctx.secrets],
  };
  if (ctx.shortSecrets.length > 0) spec.shortSecrets = [...ctx.shortSecrets];
  if (ctx.warnings.length > 0) spec.warnings = ctx.warnings.map(formatSpecIssue);
  if (typeof root.values.name === 'string') spec.name = root.values.name;
  if (typeof deploy.at === 'string') spec.deploy.at = deploy.at;
  const offset = sub(root, 'baseline').offset;
  if (typeof offset === 'number') spec.baseline.offset = offset;
  for (const [name, source] of Object.entries(sources)) {
    spec.sources[name] = isSampledSourceType(source.values.type) ? buildSampledSource(name, source) : buildPrometheusSource(name, source, ctx.file);
  }
  return spec;
}

function buildPrometheusSource(name: string, source: ReadObject, specFile: string): PrometheusSourceSpec {
  const v = source.values;
  const result: PrometheusSourceSpec = {
    type: 'prometheus',
    name,
    url: v.url as string,
    headers: v.headers as Record<string, string>,
    timeout: v.timeout as number,
    retries: v.retries as number,
  };
  const auth = v.auth as ReadObject | undefined;
  if (auth !== undefined && 'auth' in source.nodes) {
    const a = auth.values;
    result.auth =
      typeof a.bearer === 'string' ? { bearer: a.bearer } : { username: a.username as string, password: a.password as string };
  }
  const tls = v.tls as ReadObject | undefined;
  if (tls !== undefined && 'tls' in source.nodes) result.tls = buildTls(tls.values, specFile);
  return result;
}

/** A relative CA path means "next to the spec", as in Prometheus' own configuration files. */
function buildTls(values: Values, specFile: string): NonNullable<PrometheusSourceSpec['tls']> {
  const tls: NonNullable<PrometheusSourceSpec['tls']> = {};
  if (typeof values.ca === 'string') tls.ca = resolve(dirname(specFile), values.ca);
  if (typeof values.serverName === 'string') tls.serverName = values.serverName;
  return tls;
}

function buildCheck(check: ReadObject, ctx: ReadContext): CheckSpec {
  const v = check.values;
  const result: CheckSpec = {
    name: v.name as string,
    source: v.source as string,
    direction: v.direction as Direction,
    tolerance: v.tolerance as number,
    confidence: v.confidence as number,
    step: v.step as number,
    aggregate: v.aggregate as Aggregate,
    critical: v.critical as boolean,
    minSamples: v.minSamples as number,
    ignoreLabels: v.ignoreLabels as string[],
    positions: {},
  };
  for (const key of ['query', 'baselineQuery', 'candidateQuery', 'numerator', 'denominator'] as const) {
    const query = v[key];
    if (typeof query !== 'string') continue;
    result[key] = query;
    result.positions[key] = ctx.positionOf(check.nodes[key]);
  }
  if (result.numerator !== undefined && typeof v.minTraffic === 'number') result.minTraffic = v.minTraffic;
  const probe = buildProbeMeasure(check);
  if (probe !== undefined) result.probe = probe;
  if (typeof v.max === 'number') result.max = v.max;
  if (typeof v.min === 'number') result.min = v.min;
  return result;
}
