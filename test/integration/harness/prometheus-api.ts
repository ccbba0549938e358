/** A minimal Prometheus HTTP API client for the harness and the fixture sanity test (not the product's). */

export interface RangeSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

async function fetchData(url: URL): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { status?: string; data?: { result?: unknown }; error?: string };
  if (!response.ok || body.status !== 'success') {
    throw new Error(`query failed (${response.status}): ${body.error ?? 'no error message'}`);
  }
  return body.data?.result;
}

/** GET /api/v1/query_range; times in unix seconds. */
export async function fetchQueryRange(
  baseUrl: string,
  query: string,
  start: number,
  end: number,
  step: number,
): Promise<RangeSeries[]> {
  const url = new URL('/api/v1/query_range', baseUrl);
  url.search = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) }).toString();
  return (await fetchData(url)) as RangeSeries[];
}

/** GET /api/v1/query at one time; returns the number of series in the result. */
export async function fetchInstantSeriesCount(baseUrl: string, query: string, time: number): Promise<number> {
  const url = new URL('/api/v1/query', baseUrl);
  url.search = new URLSearchParams({ query, time: String(time) }).toString();
  const result = await fetchData(url);
  return Array.isArray(result) ? result.length : 0;
}
