/** Turn the validated, defaulted read tree into the typed Spec the rest of the program uses. */
import { formatSpecIssue } from '../errors.js';
import type { Aggregate, Direction } from '../types.js';
import { kindOf } from '../sources/index.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { SourceKind } from '../sources/source-kind.js';
import type { CheckSpec, DeployDetectSpec, Spec, SourceSpec } from '../spec-model.js';

type Values = Record<string, unknown>;

const sub = (object: ReadObject, key: string): Values => (object.values[key] as ReadObject | undefined)?.values ?? {};

/** Assemble a Spec; only called when no issue was found, so every value has its parsed type. */
export function buildSpec(
  root: ReadObject,
  sources: Record<string, ReadObject>,
  checks: readonly ReadObject[],
  ctx: ReadContext,
): Spec {
  const deploy = sub(root, 'deploy');
  const spec: Spec = {
    version: 1,
    file: ctx.file,
    deploy: { warmup: deploy.warmup as number },
    baseline: { window: sub(root, 'baseline').window as number },
    post: { window: sub(root, 'post').window as number },
    sources: Object.create(null) as Record<string, SourceSpec>,
    checks: checks.map((check) => buildCheck(check, sources, ctx)),
    secrets: [...ctx.secrets],
  };
  if (ctx.shortSecrets.length > 0) spec.shortSecrets = [...ctx.shortSecrets];
  if (ctx.warnings.length > 0) spec.warnings = ctx.warnings.map(formatSpecIssue);
  if (typeof root.values.name === 'string') spec.name = root.values.name;
  if (typeof deploy.at === 'string') spec.deploy.at = deploy.at;
  if (Array.isArray(deploy.rollback)) spec.deploy.rollback = deploy.rollback as string[];
  // Present only when written: defaults fill a nested block in even when it is absent.
  const deployBlock = root.values.deploy as ReadObject | undefined;
  const detect = deployBlock?.values.detect as ReadObject | undefined;
  if (detect !== undefined && deployBlock !== undefined && 'detect' in deployBlock.nodes)
    spec.deploy.detect = buildDetect(detect.values);
  if (Array.isArray(root.values.notify)) {
    spec.notify = root.values.notify as string[];
    // A webhook URL is a credential (Slack's carries its token in the path): redacted everywhere.
    spec.secrets.push(...spec.notify);
  }
  const offset = sub(root, 'baseline').offset;
  if (typeof offset === 'number') spec.baseline.offset = offset;
  const history = sub(root, 'baseline').history;
  if (typeof history === 'number') spec.baseline.history = history;
  for (const [name, source] of Object.entries(sources)) {
    spec.sources[name] = kindOfSource(source).buildSource(name, source, ctx.file);
  }
  return spec;
}

function buildDetect(v: Values): DeployDetectSpec {
  return {
    source: v.source as string,
    ...(typeof v.query === 'string' ? { query: v.query } : {}),
    ...(typeof v.match === 'string' ? { match: v.match } : {}),
    within: v.within as number,
    settle: v.settle as number,
  };
}

function kindOfSource(source: ReadObject): SourceKind {
  const kind = kindOf(source.values.type);
  if (kind === undefined)
    throw new Error(`bug: a source of unknown type "${String(source.values.type)}" passed validation`);
  return kind;
}

function buildCheck(check: ReadObject, sources: Record<string, ReadObject>, ctx: ReadContext): CheckSpec {
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
  const source = sources[v.source as string];
  const kind = source === undefined ? undefined : kindOfSource(source);
  if (kind?.history === 'range' && kind.checkQueries) {
    delete result.query;
    delete result.numerator;
    delete result.denominator;
    Object.assign(result, kind.checkQueries(check));
  }
  if (result.numerator !== undefined && typeof v.minTraffic === 'number') result.minTraffic = v.minTraffic;
  const probe = kind?.buildCheck?.(check);
  if (probe !== undefined) result.probe = probe;
  if (typeof v.max === 'number') result.max = v.max;
  if (typeof v.min === 'number') result.min = v.min;
  return result;
}
