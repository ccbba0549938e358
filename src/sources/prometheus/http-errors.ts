/** Turn an HTTP answer that is not a 2xx into a SourceError that says what to do. */
import { SourceError } from '../../errors.js';
import { readEnvelopeError } from './envelope.js';
import type { RawAnswer } from './request.js';
import { parseRetryAfter } from './retry-after.js';

/** Where the answer came from, for messages: `Prometheus at http://host:9090/`, and the source's name. */
export interface AnswerContext {
  where: string;
  sourceName: string;
}

/** True for a JSON media type (`application/json`, `application/problem+json`, with parameters). */
export function isJsonContentType(contentType: string): boolean {
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[\w.-]+\+json$/.test(media);
}

/** Mimir, Cortex and Loki answer a request without X-Scope-OrgID with this text. */
const NO_TENANT = /no org id/i;

function describeBody(answer: RawAnswer): string {
  if (/html/i.test(answer.contentType) || /^\s*</.test(answer.body)) return 'an HTML page';
  return answer.contentType ? `${answer.contentType.split(';')[0]}` : 'no content type';
}

function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The SourceError for a redirect; names the target's origin only and is never followed. `url` must name the API itself. */
export function redirectFailure(answer: RawAnswer, requestUrl: string, ctx: AnswerContext): SourceError {
  let target = 'another location';
  try {
    if (answer.location) target = new URL(answer.location, requestUrl).origin;
  } catch {
    // An unreadable Location header: the generic wording is all that can be said.
  }
  return new SourceError(
    `${ctx.where} answered HTTP ${answer.status}, a redirect to ${target}; redirects are not followed ` +
      '(credentials must not travel to another place): set `url` of source ' +
      `"${ctx.sourceName}" to the final URL`,
    { retryable: false, kind: 'endpoint', status: answer.status },
  );
}

/**
 * The SourceError for a non-2xx, non-3xx answer: retryable for 408, 429 and 5xx only. Any other
 * 4xx (404 first) means the URL leads to no query API, the spec's fault like 400 and 401.
 */
export function statusFailure(answer: RawAnswer, ctx: AnswerContext): SourceError {
  const { status } = answer;
  const envelope = isJsonContentType(answer.contentType) ? readEnvelopeError(parseJsonQuietly(answer.body)) : undefined;
  const detail = envelope ? ` (${envelope.errorType}): ${envelope.error}` : ` with ${describeBody(answer)}`;
  if ((status === 401 || status === 400) && NO_TENANT.test(answer.body)) {
    return new SourceError(
      `${ctx.where} answered HTTP ${status}: no tenant given (Mimir/Cortex "no org id"); set \`headers: { X-Scope-OrgID: <tenant> }\` of source "${ctx.sourceName}"`,
      { retryable: false, kind: 'auth', status },
    );
  }
  if (status === 401 || status === 403) {
    const what = status === 401 ? 'the credentials were missing or refused' : 'the credentials lack permission';
    return new SourceError(
      `${ctx.where} answered HTTP ${status}: ${what}; check \`auth\` and \`headers\` of source "${ctx.sourceName}"`,
      { retryable: false, kind: 'auth', status },
    );
  }
  if (status === 400 || status === 422) {
    const verb = status === 400 ? 'refused the query' : 'could not execute the query';
    const todo =
      status === 400
        ? 'fix the query (try it in the Prometheus UI)'
        : 'make the query cheaper: aggregate it, shorten the window or raise `step`';
    return new SourceError(
      `${ctx.where} ${verb} (HTTP ${status}${envelope ? `, ${envelope.errorType}): ${envelope.error}` : ')'}; ${todo}`,
      {
        retryable: false,
        kind: 'query',
        status,
      },
    );
  }
  if (status === 404) {
    return new SourceError(
      `${ctx.where} has no query API (HTTP 404): check \`url\` of source "${ctx.sourceName}" ` +
        '(include a path prefix such as /prometheus if there is one, but not /api/v1)',
      { retryable: false, kind: 'endpoint', status },
    );
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  const proxyHint =
    !envelope && describeBody(answer) === 'an HTML page' ? ': a proxy or load balancer answered, not Prometheus' : '';
  const retryAfterSeconds = retryable ? parseRetryAfter(answer.retryAfter) : undefined;
  const todo = retryable
    ? '; the backend is unwell or overloaded: run again later'
    : `; check \`url\` of source "${ctx.sourceName}"`;
  return new SourceError(`${ctx.where} answered HTTP ${status}${detail}${proxyHint}${todo}`, {
    retryable,
    kind: retryable ? 'http' : 'endpoint',
    status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}
