/** Where a Prometheus source sends its queries, and how that place is named in messages. */
import { UsageError } from '../../errors.js';

export interface Endpoint {
  /** The query_range URL, without userinfo. */
  queryRangeUrl: string;
  /** Origin and path only: no userinfo, query string or fragment, so no secret can ride along. */
  display: string;
  /** Credentials written into the URL (`https://user:pass@host`), used as basic auth. */
  userinfo?: { username: string; password: string };
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parse a source URL; only http: and https: are accepted (axios answers `data:` URLs itself). */
export function parseEndpoint(url: string, sourceName: string): Endpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`source "${sourceName}": \`url\` is not a URL; write it like http://prometheus:9090`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`source "${sourceName}": \`url\` must start with http:// or https://, not ${parsed.protocol}`);
  }
  const userinfo =
    parsed.username || parsed.password
      ? { username: decodeOrKeep(parsed.username), password: decodeOrKeep(parsed.password) }
      : undefined;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const base = parsed.pathname.replace(/\/+$/, '');
  const display = `${parsed.origin}${base}/`;
  parsed.pathname = `${base}/api/v1/query_range`;
  return { queryRangeUrl: parsed.toString(), display, ...(userinfo ? { userinfo } : {}) };
}
