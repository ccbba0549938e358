/**
 * Words for what a sampled source will do and what its checks can decide with the planned
 * samples: the progress line of `run` and `snapshot`, `validate` and `--dry-run`.
 */
import { describeRuleOutPlan, planCountRuleOut, SUCCESS_MARGIN } from '../../judge/index.js';
import { sampledKindOf, isSampledSourceSpec } from '../../sources/index.js';
import type { SampledSourceSpec, SampleTarget } from '../../sources/sampled-types.js';
import type { Spec } from '../../spec-model.js';
import { formatDuration } from '../../time/duration.js';

/** The address of a URL without userinfo, query or fragment (which may carry credentials). */
function address(url: string | undefined): string {
  if (url === undefined) return '?';
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '?';
  }
}

/** "200 probes, one every 1s, of http://host/healthz and http://old/healthz (baselineUrl)". */
export function describeSampling(spec: SampledSourceSpec, targets: readonly SampleTarget[]): string {
  const noun = sampledKindOf(spec.type)?.sampleNoun ?? 'samples';
  const where = targets
    .map((target) => (target === 'url' ? address(spec.url) : `${address(spec.baselineUrl)} (baselineUrl)`))
    .join(' and ');
  return `${spec.samples} ${noun}, one every ${formatDuration(spec.interval)}, of ${where}`;
}

/** One line per success check of a sampled source: what its planned samples pass and fail. */
export function describeSampledDecisions(spec: Spec): string[] {
  const lines: string[] = [];
  for (const check of spec.checks) {
    const source = spec.sources[check.source];
    if (source === undefined || !isSampledSourceSpec(source) || check.probe?.kind !== 'success') continue;
    if (check.direction !== 'increase') continue;
    const settings = { ...check, margin: SUCCESS_MARGIN };
    lines.push(`check ${check.name}: ${describeRuleOutPlan(planCountRuleOut(source.samples, settings), settings)}`);
  }
  return lines;
}
