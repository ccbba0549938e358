/** Reads a query over one window straight from Prometheus and averages each series: the fixture's ground truth. */
import { fetchQueryRange } from './prometheus-api.js';

export interface WindowMean {
  n: number;
  mean: number;
}

/** Mean of every returned series over [start, end] at a 30s step, keyed by its labels as JSON. */
export async function fetchWindowMeans(
  url: string,
  query: string,
  start: number,
  end: number,
): Promise<Record<string, WindowMean>> {
  const means: Record<string, WindowMean> = {};
  for (const series of await fetchQueryRange(url, query, start, end, 30)) {
    const values = series.values.map(([, value]) => Number(value)).filter(Number.isFinite);
    const sum = values.reduce((total, value) => total + value, 0);
    means[JSON.stringify(series.metric)] = { n: values.length, mean: values.length ? sum / values.length : NaN };
  }
  return means;
}

/** The single series of a query without grouping (key `{}`); n = 0 when there is none. */
export async function fetchWindowMean(url: string, query: string, start: number, end: number): Promise<WindowMean> {
  return (await fetchWindowMeans(url, query, start, end))['{}'] ?? { n: 0, mean: NaN };
}
