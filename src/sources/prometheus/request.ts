/** One POST to query_range with axios, configured so that nothing is trusted implicitly. */
import type { Agent } from 'node:https';
import type { TimeRange } from '../../types.js';

/** What an attempt hands to the answer checks; the body is raw text, not yet JSON. */
export interface RawAnswer {
  status: number;
  contentType: string;
  location?: string;
  retryAfter?: string;
  /** The server's `Date` header, for the clock-skew check. */
  date?: string;
  body: string;
}

export interface PostOptions {
  url: string;
  headers: Record<string, string>;
  query: string;
  range: TimeRange;
  signal: AbortSignal;
  /** Cap on the decoded (decompressed) body and on the request body. */
  maxBytes: number;
  /** Verifying agent for https:// (tls.ts); never one with verification off. */
  httpsAgent?: Agent;
}

function header(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === undefined || value === null ? undefined : String(value);
}

/** The form body: the query plus the parameters that make Thanos and VictoriaMetrics refuse partial data. */
export function buildQueryRangeForm(query: string, range: TimeRange): string {
  return new URLSearchParams({
    query,
    start: String(range.start),
    end: String(range.end),
    step: String(range.step),
    partial_response: 'false',
    deny_partial_response: '1',
  }).toString();
}

/** POST the query; any HTTP status resolves, transport failures reject with the axios error. */
export async function postQueryRange(options: PostOptions): Promise<RawAnswer> {
  // Imported here, not at the top: the spec loader reads this source's kind (src/sources/registry.ts),
  // and `validate` or `init` should not pay for axios (~200 ms) to read a field table.
  const { default: axios } = await import('axios');
  const response = await axios.request<string>({
    method: 'post',
    url: options.url,
    data: buildQueryRangeForm(options.query, options.range),
    headers: {
      ...options.headers,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    signal: options.signal,
    // Text in, our own JSON.parse out: truncated JSON must fail, not arrive as a string.
    responseType: 'text',
    responseEncoding: 'utf8',
    transformResponse: [(data: unknown) => data],
    transitional: { silentJSONParsing: false, forcedJSONParsing: false, clarifyTimeoutError: true },
    // A redirect could carry credentials to another origin: it is reported, never followed.
    maxRedirects: 0,
    maxContentLength: options.maxBytes,
    maxBodyLength: options.maxBytes,
    decompress: true,
    validateStatus: () => true,
    ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
  });
  const answer: RawAnswer = {
    status: response.status,
    contentType: header(response.headers['content-type']) ?? '',
    body: typeof response.data === 'string' ? response.data : '',
  };
  const location = header(response.headers['location']);
  const retryAfter = header(response.headers['retry-after']);
  if (location !== undefined) answer.location = location;
  if (retryAfter !== undefined) answer.retryAfter = retryAfter;
  const date = header(response.headers['date']);
  if (date !== undefined) answer.date = date;
  return answer;
}
