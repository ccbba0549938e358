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

export interface SamplingPlan {
  /** Checks on sampled sources, in spec order. */
  checks: CheckSpec[];
  sources: SourceSampling[];
  snapshot?: { path: string; value: Snapshot };
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

/** Plan the sampling; throws UsageError when a sampled source has no baseline. */
export function planSampling(spec: Spec, snapshot?: { path: string; value: Snapshot }): SamplingPlan {
  const checks = sampledChecksOf(spec);
  const sources = sampledSourcesOf(spec.sources, checks).map((source): SourceSampling => {
    if (source.baselineUrl !== undefined) return { spec: source, targets: ['url', 'baselineUrl'] };
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
  return { checks, sources, ...(snapshot ? { snapshot } : {}) };
}

/** --dry-run lines for the probe checks: what would be sampled and compared with what. */
export function renderSamplingDryRun(plan: SamplingPlan): string {
  if (plan.checks.length === 0) return '';
  const lines = ['', 'sampled now (sources without history):'];
  for (const { spec, targets } of plan.sources) {
    const baseline = targets.includes('baselineUrl')
      ? 'baselineUrl, side by side'
      : `snapshot ${plan.snapshot?.path ?? ''} taken ${plan.snapshot?.value.takenAt ?? ''}`;
    lines.push(
      `  ${spec.name} (${spec.type}): ${spec.samples} samples every ${spec.interval}s of url; baseline from ${baseline}`,
    );
  }
  for (const check of plan.checks)
    lines.push(`  check ${check.name}: ${check.probe?.kind ?? '?'} of ${check.source}, direction ${check.direction}`);
  // Names and paths come from the spec and the command line: one escaped line each, as in renderDryRun.
  return lines.map(sanitizeText).join('\n') + '\n';
}
