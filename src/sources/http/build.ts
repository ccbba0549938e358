/** The typed spec of an http source and the measure of a check on it, from the validated read tree. */
import type { ReadObject } from '../../fields/read-value.js';
import { buildSampledCommon } from '../sampled-fields.js';
import type { HttpMeasure, HttpSourceSpec, StatusRange } from './spec.js';

/** Build an http source spec; only called on a block without issues. */
export function buildHttpSource(name: string, source: ReadObject): HttpSourceSpec {
  const v = source.values;
  return {
    type: 'http',
    ...buildSampledCommon(name, v),
    timeout: v.timeout as number,
    method: v.method as string,
    expectStatus: v.expectStatus as StatusRange[],
    ...(typeof v.body === 'string' ? { body: v.body } : {}),
    ...(typeof v.condition === 'string' ? { condition: v.condition } : {}),
    ...(typeof v.value === 'string' ? { value: v.value } : {}),
  };
}

/** The measure of a check on an http source. */
export function buildHttpMeasure(check: ReadObject): HttpMeasure | undefined {
  const measure = check.values.measure;
  return measure === 'success' || measure === 'latency' || measure === 'value' ? { kind: measure } : undefined;
}
