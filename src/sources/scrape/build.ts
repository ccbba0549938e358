/** Typed specs of http / scrape sources and of the checks that read them, from the validated read tree. */
import { parseMetricSelector } from './metric-selector.js';
import type { HttpSourceSpec, ProbeMeasure, ScrapeSourceSpec, StatusRange } from './spec.js';
import type { ReadObject } from '../../fields/read-value.js';

/** Build an http or scrape source spec; only called on a tree without issues. */
export function buildSampledSource(name: string, source: ReadObject): HttpSourceSpec | ScrapeSourceSpec {
  const v = source.values;
  const common = {
    name,
    url: v.url as string,
    headers: v.headers as Record<string, string>,
    timeout: v.timeout as number,
    samples: v.samples as number,
    interval: v.interval as number,
    ...(typeof v.baselineUrl === 'string' ? { baselineUrl: v.baselineUrl } : {}),
  };
  if (v.type === 'scrape') return { type: 'scrape', ...common };
  return {
    type: 'http',
    ...common,
    method: v.method as string,
    expectStatus: v.expectStatus as StatusRange[],
    ...(typeof v.body === 'string' ? { body: v.body } : {}),
    ...(typeof v.condition === 'string' ? { condition: v.condition } : {}),
    ...(typeof v.value === 'string' ? { value: v.value } : {}),
  };
}

/** The measure of a check on an http or scrape source; undefined for a PromQL check. */
export function buildProbeMeasure(check: ReadObject): ProbeMeasure | undefined {
  const v = check.values;
  const by = (v.by as string[] | undefined) ?? [];
  if (v.measure === 'success' || v.measure === 'latency' || v.measure === 'value') return { kind: v.measure };
  if (typeof v.rate === 'string') return { kind: 'rate', series: parseMetricSelector(v.rate), by };
  const ratio = (v.ratio as ReadObject | undefined)?.values;
  if (ratio) return { kind: 'ratio', numerator: parseMetricSelector(ratio.numerator as string), denominator: parseMetricSelector(ratio.denominator as string), by };
  const quantile = (v.quantile as ReadObject | undefined)?.values;
  if (quantile) return { kind: 'quantile', q: quantile.q as number, histogram: parseMetricSelector(quantile.histogram as string), by };
  return undefined;
}
