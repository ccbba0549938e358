/** Turn the `result` of a `matrix` answer into series, keeping only points inside the range. */
import { SourceError } from '../../errors.js';
import type { Labels, Point, Series, TimeRange } from '../../types.js';
import { parseSampleValue, parseTimestamp } from './values.js';

/** Timestamps are float seconds; allow for their rounding when comparing with the range. */
const EPSILON = 1e-6;

export interface ParsedMatrix {
  series: Series[];
  /** Series that carried native histogram samples, which are not read. */
  histogramSeries: number;
}

function protocolError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'protocol' });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLabels(raw: unknown): Labels {
  if (!isRecord(raw)) throw protocolError('a series in the answer has no `metric` object');
  // A null-prototype object: label names such as `__proto__` stay plain keys.
  const labels: Labels = Object.create(null) as Labels;
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw protocolError(`label ${JSON.stringify(name)} in the answer is not a string`);
    labels[name] = value;
  }
  return labels;
}

function parsePoints(raw: unknown, range: TimeRange): Point[] {
  if (!Array.isArray(raw)) throw protocolError('a series in the answer has no `values` array');
  const points: Point[] = [];
  for (const pair of raw) {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw protocolError('a sample in the answer is not a [time, "value"] pair');
    const t = parseTimestamp(pair[0]);
    const v = parseSampleValue(pair[1]);
    // Query frontends align start/end to the step and may return points outside the range:
    // a pre-deploy point must never count as post-deploy.
    if (t >= range.start - EPSILON && t <= range.end + EPSILON) points.push({ t, v });
  }
  return points;
}

/** Parse the `result` array of a range query; points outside [range.start, range.end] are dropped. */
export function parseMatrix(result: unknown[], range: TimeRange): ParsedMatrix {
  const series: Series[] = [];
  let histogramSeries = 0;
  for (const item of result) {
    if (!isRecord(item)) throw protocolError('a series in the answer is not an object');
    const hasHistograms = item['histograms'] !== undefined;
    if (hasHistograms) histogramSeries += 1;
    // Prometheus leaves out `values` when a series holds native histograms only.
    const values = item['values'] === undefined && hasHistograms ? [] : item['values'];
    series.push({ labels: parseLabels(item['metric']), points: parsePoints(values, range) });
  }
  return { series, histogramSeries };
}
