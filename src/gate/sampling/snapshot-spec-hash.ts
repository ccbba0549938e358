/**
 * The hash that ties a snapshot to its spec: what decides the samples (the sampled sources and
 * the checks that read them), without secrets. Header values are left out (a rotated token keeps
 * a snapshot valid) and every resolved secret is masked; tolerances and confidences are left out
 * too, since retuning a check does not change what was sampled.
 */
import { createHash } from 'node:crypto';
import { maskSecretsAnywhere } from '../../redact.js';
import type { Spec } from '../../spec-model.js';
import { isSampledSourceSpec } from '../../sources/index.js';

/** `sha256:<hex>` of the canonical JSON of the spec's sampled sources and their checks. */
export function hashSampledSpec(spec: Spec): string {
  const sources = Object.values(spec.sources)
    .filter(isSampledSourceSpec)
    .map(({ headers, ...rest }) => ({ ...rest, headers: Object.keys(headers).sort() }));
  const names = new Set(sources.map((s) => s.name));
  const checks = spec.checks
    .filter((c) => names.has(c.source))
    .map((c) => ({ name: c.name, source: c.source, probe: c.probe }));
  const text = maskSecretsAnywhere(canonicalJson({ sources, checks }), spec.secrets);
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** JSON with object keys sorted at every level, so equal specs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The short form shown in messages: `sha256:0123456789ab`. */
export function shortHash(hash: string): string {
  return hash.slice(0, 'sha256:'.length + 12);
}
