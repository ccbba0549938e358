/** `type: scrape`: reads an app's own /metrics page now (no history) and computes rates, ratios and quantiles locally. */
import type { SampledSourceKind } from '../source-kind.js';
import { buildScrapeMeasure, buildScrapeSource } from './build.js';
import { deriveSeries } from './derive.js';
import { SCRAPE_MODE_KEYS, scrapeCheckFields, scrapeSourceFields } from './fields.js';
import { metricsNeeded } from './metrics-needed.js';
import { scrapeCheckSchemas, validateScrapeCheck } from './rules.js';
import { createScrapeSource } from './source.js';
import type { ScrapeMeasure, ScrapeSourceSpec } from './spec.js';
import { scrapeStarter } from './starter.js';

export const scrapeKind = {
  type: 'scrape',
  summary: "scrapes the app's own /metrics page now and computes rates, ratios and quantiles locally",
  history: 'sampled',
  sampleNoun: 'scrapes',
  fields: scrapeSourceFields,
  reference: [
    {
      title: 'Scrape sources (`sources.<name>` with `type: scrape`)',
      path: 'sources.<name>.',
      fields: scrapeSourceFields,
    },
  ],
  checkModeKeys: SCRAPE_MODE_KEYS,
  checkFields: scrapeCheckFields,
  checkSchemas: scrapeCheckSchemas,
  validateCheck: validateScrapeCheck,
  buildSource: buildScrapeSource,
  buildCheck: buildScrapeMeasure,
  // Only the metrics the checks name are kept: a /metrics page can expose thousands of series.
  create: (spec, measures) => createScrapeSource(spec, { metrics: metricsNeeded(measures) }),
  judged: (measure, sampling) => ({ series: deriveSeries(measure, sampling) }),
  starter: scrapeStarter,
} satisfies SampledSourceKind<ScrapeSourceSpec, ScrapeMeasure>;
