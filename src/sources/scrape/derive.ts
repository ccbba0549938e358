/** From scrapes to what the judge compares: rates, ratios and quantiles computed per scrape interval. */
import type { ScrapeMeasure } from './spec.js';
import type { Sampling } from '../sampled-types.js';
import type { Series } from '../../types.js';
import { groupIncreases, scrapeTimes, selectSeries } from './counters.js';
import { histogramQuantile } from './histogram-quantile.js';

/** The series a check on a scrape source judges: one per group of its `by` labels, a point per scrape interval. */
export function deriveSeries(measure: ScrapeMeasure, sampling: Sampling): Series[] {
  switch (measure.kind) {
    case 'rate':
      return deriveRates(sampling, measure);
    case 'ratio':
      return deriveRatios(sampling, measure);
    case 'quantile':
      return deriveQuantiles(sampling, measure);
  }
}

/** Every series a scrape check reads, for the interval boundaries (all series share the scrape times). */
function timesOf(sampling: Sampling): number[] {
  return scrapeTimes(Object.values(sampling.measures).flat());
}

function deriveRates(sampling: Sampling, measure: Extract<ScrapeMeasure, { kind: 'rate' }>): Series[] {
  const times = timesOf(sampling);
  return groupIncreases(selectSeries(sampling.measures, measure.series), times, measure.by).map((group) => ({
    labels: group.labels,
    points: times.slice(1).map((t, i) => ({ t, v: (group.increases[i + 1] as number) / (t - (times[i] as number)) })),
  }));
}

function deriveRatios(sampling: Sampling, measure: Extract<ScrapeMeasure, { kind: 'ratio' }>): Series[] {
  const times = timesOf(sampling);
  const numerators = groupIncreases(selectSeries(sampling.measures, measure.numerator), times, measure.by);
  const key = (labels: Record<string, string>): string => JSON.stringify(measure.by.map((name) => labels[name]));
  const byKey = new Map(numerators.map((g) => [key(g.labels), g]));
  // A group with traffic but no error series had no errors: client libraries create series lazily.
  return groupIncreases(selectSeries(sampling.measures, measure.denominator), times, measure.by).map((denominator) => {
    const numerator = byKey.get(key(denominator.labels));
    return {
      labels: denominator.labels,
      points: times.slice(1).map((t, i) => {
        const trials = denominator.increases[i + 1] as number;
        return { t, v: trials > 0 ? (numerator ? (numerator.increases[i + 1] as number) : 0) / trials : Number.NaN };
      }),
    };
  });
}

function deriveQuantiles(sampling: Sampling, measure: Extract<ScrapeMeasure, { kind: 'quantile' }>): Series[] {
  const times = timesOf(sampling);
  const buckets = groupIncreases(selectSeries(sampling.measures, measure.histogram, '_bucket'), times, measure.by, [
    'le',
  ]);
  const groups = new Map<string, { labels: Record<string, string>; buckets: typeof buckets }>();
  for (const bucket of buckets) {
    const labels = Object.fromEntries(measure.by.map((name) => [name, bucket.labels[name] ?? '']));
    const key = JSON.stringify(labels);
    const group = groups.get(key) ?? { labels, buckets: [] };
    group.buckets.push(bucket);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ labels, buckets: group }) => ({
    labels,
    points: times.slice(1).map((t, i) => ({
      t,
      v: histogramQuantile(
        measure.q,
        group
          .map((b) => ({ le: parseLe(b.labels.le), count: b.increases[i + 1] as number }))
          .filter((b) => !Number.isNaN(b.le)),
      ),
    })),
  }));
}

function parseLe(text: string | undefined): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  const value = text === undefined || text === '' ? Number.NaN : Number(text);
  return Number.isNaN(value) ? Number.NaN : value;
}
