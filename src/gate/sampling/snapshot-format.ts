/**
 * The snapshot file: JSON, versioned, with the spec hash, the time it was taken and the samples
 * of each sampled source. NaN and ±Inf are not JSON, so values are written as numbers or as the
 * strings "NaN", "+Inf", "-Inf" (as Prometheus writes them), and read back strictly.
 */
import type { Sampling } from '../../sources/sampled-types.js';
import type { Series } from '../../types.js';

export const SNAPSHOT_FORMAT = 'verify-deploy-snapshot';

/** A baseline captured before a deploy by `verify-deploy snapshot`. */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  specHash: string;
  specName?: string;
  /** RFC 3339. */
  takenAt: string;
  sources: Record<string, Sampling>;
}

type EncodedValue = number | 'NaN' | '+Inf' | '-Inf';

/** The JSON text of a snapshot. */
export function renderSnapshot(snapshot: Snapshot): string {
  const sources = Object.fromEntries(
    Object.entries(snapshot.sources).map(([name, s]) => [
      name,
      { ...s, measures: mapMeasures(s.measures, (v) => encodeValue(v)) },
    ]),
  );
  return `${JSON.stringify({ ...snapshot, sources })}\n`;
}

function mapMeasures<T>(
  measures: Record<string, Series[]>,
  map: (v: number) => T,
): Record<string, { labels: Record<string, string>; points: [number, T][] }[]> {
  return Object.fromEntries(
    Object.entries(measures).map(([key, series]) => [
      key,
      series.map((s) => ({ labels: s.labels, points: s.points.map((p): [number, T] => [p.t, map(p.v)]) })),
    ]),
  );
}

function encodeValue(v: number): EncodedValue {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return v;
}

/** A stored value back to a number; undefined when it is neither a finite number nor a special string. */
export function decodeValue(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (raw === 'NaN') return Number.NaN;
  if (raw === '+Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  return undefined;
}
