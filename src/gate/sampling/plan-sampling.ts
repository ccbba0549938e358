/**
 * Which checks of a run read sources without history, and where each such source's baseline
 * comes from: `baselineUrl` sampled side by side (blue/green), or a snapshot taken before the
 * deploy (`--baseline-from`). A source with neither cannot be judged: a usage error, up front.
 */
import { UsageError } from '../../errors.js';
import type { Snapshot } from './snapshot-format.js';
import type { CheckSpec, Spec } from '../../spec-model.js';
import { sampledKindOf } from '../../sources/index.js';
import { sampledSourcesOf, type SourceSampling } from './collect-samples.js';
import { sanitizeText } from '../../sanitize-text.js';
import { describeSampledDecisions, describeSampling } from './describe-sampling.js';

export interface SamplingPlan {
  /** Checks on sampled sources, in spec order. */
  checks: CheckSpec[];
  sources: SourceSampling[];
  snapshot?: { path: string; value: Snapshot };
  /** --dry-run before any snapshot exists: the sources that would need one. */
  snapshotMissing?: boolean;
}

/** The checks that read sampled sources. */
export function sampledChecksOf(spec: Spec): CheckSpec[] {
  return spec.checks.filter((check) => sampledKindOf(spec.sources[check.source]?.type) !== undefined);
}

/** The spec with only its range-query checks (sources with history). */
export function withoutSampledChecks(spec: Spec): Spec {
  const probes = new Set(sampledChecksOf(spec));
  return { ...spec, checks: spec.checks.filter((check) => !probes.has(check)) };
}

/**
 * For commands that read past data only (`check`, `backtest`): the spec without the checks on
 * sources that keep no history, and a note naming each check left out. Throws UsageError when
 * no check is left.
 */
export function withHistoryChecksOnly(spec: Spec, command: string): { spec: Spec; skipped: string[] } {
  const sampled = sampledChecksOf(spec);
  if (sampled.length === 0) return { spec, skipped: [] };
  const skipped = sampled.map((check) => {
    const source = spec.sources[check.source];
    return `check "${check.name}" skipped: source "${check.source}" (${source?.type ?? '?'}) keeps no history for ${command} to read; \`snapshot\` and \`run\` sample it`;
  });
  if (sampled.length === spec.checks.length)
    throw new UsageError(
      `every check of the spec reads a source that keeps no history, so ${command} has nothing to read: use \`verify-deploy snapshot\` before the deploy and \`run --baseline-from\` after it`,
    );
  const rest = withoutSampledChecks(spec);
  const sources: Spec['sources'] = Object.fromEntries(
    Object.entries(spec.sources).filter(([, source]) => sampledKindOf(source.type) === undefined),
  );
  return { spec: { ...rest, sources }, skipped };
}

/**
 * Plan the sampling; throws UsageError when a sampled source has no baseline, unless `preview`
 * (--dry-run, which shows what would be sampled before any snapshot is taken).
 */
export function planSampling(spec: Spec, snapshot?: { path: string; value: Snapshot }, preview = false): SamplingPlan {
  const checks = sampledChecksOf(spec);
  let snapshotMissing = false;
  const sources = sampledSourcesOf(spec.sources, checks).map((source): SourceSampling => {
    if (source.baselineUrl !== undefined) return { spec: source, targets: ['url', 'baselineUrl'] };
    if (snapshot === undefined && preview) {
      snapshotMissing = true;
      return { spec: source, targets: ['url'] };
    }
    if (snapshot === undefined) {
      throw new UsageError(
        `source "${source.name}" (${source.type}) keeps no history, so its baseline must be captured: run ` +
          '`verify-deploy snapshot <spec> --out base.json` before the deploy and `run --baseline-from base.json` after it, ' +
          'or set `baselineUrl` to compare the old and new instances side by side',
      );
    }
    if (snapshot.value.sources[source.name] === undefined)
      throw new UsageError(`the snapshot ${snapshot.path} has no samples of source "${source.name}"`);
    return { spec: source, targets: ['url'] };
  });
  return { checks, sources, ...(snapshot ? { snapshot } : {}), ...(snapshotMissing ? { snapshotMissing } : {}) };
}

/** --dry-run lines for the probe checks: what would be sampled and compared with what. */
export function renderSamplingDryRun(plan: SamplingPlan, spec: Spec): string {
  if (plan.checks.length === 0) return '';
  const lines = ['', 'sampled now (sources without history):'];
  for (const { spec: source, targets } of plan.sources) {
    const baseline = targets.includes('baselineUrl')
      ? 'baselineUrl, side by side'
      : plan.snapshot === undefined
        ? 'a snapshot not taken yet (before the deploy: `verify-deploy snapshot <spec> --out base.json`, then `run --baseline-from base.json`)'
        : `snapshot ${plan.snapshot.path} taken ${plan.snapshot.value.takenAt}`;
    lines.push(`  ${source.name} (${source.type}): ${describeSampling(source, targets)}; baseline from ${baseline}`);
  }
  for (const check of plan.checks)
    lines.push(`  check ${check.name}: ${check.probe?.kind ?? '?'} of ${check.source}, direction ${check.direction}`);
  for (const line of describeSampledDecisions(spec)) lines.push(`  ${line}`);
  // Names and paths come from the spec and the command line: one escaped line each, as in renderDryRun.
  return lines.map(sanitizeText).join('\n') + '\n';
}
