/** Read one HTTP answer from query_range into a QueryResult, or throw the SourceError it amounts to. */
import { SourceError } from '../../errors.js';
import type { TimeRange } from '../../types.js';
import type { QueryResult } from '../types.js';
import { parseQueryRangeBody } from './envelope.js';
import { type AnswerContext, isJsonContentType, redirectFailure, statusFailure } from './http-errors.js';
import type { RawAnswer } from './request.js';

function protocolError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'protocol' });
}

/** A complete answer from something that is not a query API (a login page, a web UI): `url` is wrong. */
function endpointError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'endpoint' });
}

/** Check status, content type and JSON of `answer`, then parse its envelope. */
export function readAnswer(answer: RawAnswer, requestUrl: string, range: TimeRange, ctx: AnswerContext): QueryResult {
  if (answer.status >= 300 && answer.status < 400) throw redirectFailure(answer, requestUrl, ctx);
  if (answer.status < 200 || answer.status >= 300) throw statusFailure(answer, ctx);
  if (!isJsonContentType(answer.contentType)) {
    const got = answer.contentType ? answer.contentType.split(';')[0] : 'no content type';
    throw endpointError(
      `${ctx.where} answered with ${got} instead of JSON: the URL probably points at a proxy or login page, ` +
        `not the Prometheus API; check \`url\` and \`auth\` of source "${ctx.sourceName}"`,
    );
  }
  if (answer.body.trim() === '') {
    throw protocolError(
      `${ctx.where} answered with an empty body: a proxy in between probably cut the answer; check \`url\` of source "${ctx.sourceName}" and run again`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    throw protocolError(
      `${ctx.where} answered with truncated or invalid JSON (${answer.body.length} characters): the connection was cut or a proxy ` +
        'changed the answer; run again, and if it persists query the backend directly',
    );
  }
  return parseQueryRangeBody(body, range, ctx.where);
}
