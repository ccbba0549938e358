/** Keys that every sampled source's block shares, described once (the sampling reads them: sampled-types.ts). */
import { headerMap } from '../fields/headers.js';
import { httpUrl } from '../fields/scalars.js';
import type { FieldDef } from '../fields/value-types.js';

export const sampledHeaders: FieldDef = {
  key: 'headers',
  type: headerMap,
  secret: 'substituted',
  default: {},
  description: 'Extra HTTP headers sent with every request, e.g. Authorization: "Bearer ${TOKEN}".',
};

export const baselineUrl: FieldDef = {
  key: 'baselineUrl',
  type: httpUrl,
  description:
    'Side-by-side mode (blue/green): the old instance, sampled together with `url` as the baseline; no snapshot needed.',
};

/** The common part of a sampled source's typed spec, from its validated block. */
export function buildSampledCommon(
  name: string,
  v: Record<string, unknown>,
): {
  name: string;
  url: string;
  headers: Record<string, string>;
  samples: number;
  interval: number;
  baselineUrl?: string;
} {
  return {
    name,
    url: v.url as string,
    headers: v.headers as Record<string, string>,
    samples: v.samples as number,
    interval: v.interval as number,
    ...(typeof v.baselineUrl === 'string' ? { baselineUrl: v.baselineUrl } : {}),
  };
}
