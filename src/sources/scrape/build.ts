/** The typed spec of a scrape source and the measure of a check on it, from the validated read tree. */
import type { ReadObject } from '../../fields/read-value.js';
import { buildSampledCommon } from '../sampled-fields.js';
import { parseMetricSelector } from './metric-selector.js';
import type { ScrapeMeasure, ScrapeSourceSpec } from './spec.js';

/** Build a scrape source spec; only called on a block without issues. */
export function buildScrapeSource(name: string, source: ReadObject): ScrapeSourceSpec {
  return { type: 'scrape', ...buildSampledCommon(name, source.values), timeout: source.values.timeout as number };
}

/** The measure of a check on a scrape source (selectors parsed: the rules have checked them). */
export function buildScrapeMeasure(check: ReadObject): ScrapeMeasure | undefined {
  const v = check.values;
  const by = (v.by as string[] | undefined) ?? [];
  if (typeof v.rate === 'string') return { kind: 'rate', series: parseMetricSelector(v.rate), by };
  const ratio = (v.ratio as ReadObject | undefined)?.values;
  if (ratio)
    return {
      kind: 'ratio',
      numerator: parseMetricSelector(ratio.numerator as string),
      denominator: parseMetricSelector(ratio.denominator as string),
      by,
    };
  const quantile = (v.quantile as ReadObject | undefined)?.values;
  if (quantile)
    return {
      kind: 'quantile',
      q: quantile.q as number,
      histogram: parseMetricSelector(quantile.histogram as string),
      by,
    };
  return undefined;
}
