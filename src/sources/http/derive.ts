/**
 * From probes to what the judge compares: latency and value series as they are, and success as
 * counts of failed probes out of probes (a proportion, judged by the count test, not a rank test
 * on zeros and ones).
 */
import type { CountSeries } from '../../judge/count/count-series.js';
import type { Sampling } from '../sampled-types.js';
import type { Judged } from '../source-kind.js';
import type { HttpMeasure } from './spec.js';

/** Failed probes (numerator, 1 per failure) out of probes (denominator, 1 per probe), one point per probe. */
export function deriveFailureCounts(sampling: Sampling): CountSeries {
  const probes = sampling.measures.success?.[0]?.points ?? [];
  return {
    numerator: [{ labels: {}, points: probes.map((p) => ({ t: p.t, v: p.v === 1 ? 0 : 1 })) }],
    denominator: [{ labels: {}, points: probes.map((p) => ({ t: p.t, v: 1 })) }],
  };
}

/** What a check on an http source judges. */
export function judgedHttp(measure: HttpMeasure, sampling: Sampling): Judged {
  if (measure.kind === 'success') return { counts: deriveFailureCounts(sampling) };
  return { series: (sampling.measures[measure.kind] ?? []).filter((s) => s.points.length > 0) };
}
