/**
 * Map a failed request (axios or network error) to a SourceError. Only `code` and `message` are
 * read: axios errors carry the request headers (Authorization included) in `config` and
 * `request`, so the error object itself is never stringified or attached.
 */
import type { AxiosError } from 'axios';
import { SourceError } from '../../errors.js';
import { formatDuration } from '../../time/duration.js';

/** axios' own test (`isAxiosError`), without importing axios where no request was sent yet. */
function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
import type { Deadline } from './deadline.js';
import { sanitizeServerText } from './server-text.js';

export interface TransportContext {
  where: string;
  sourceName: string;
  deadline: Deadline;
  timeoutSeconds: number;
  maxBytes: number;
}

function codeOf(error: { code?: unknown; cause?: unknown }): string {
  if (typeof error.code === 'string') return error.code;
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : '';
}

function network(message: string, retryable: boolean): SourceError {
  return new SourceError(message, { retryable, kind: 'network' });
}

/** Message for the deadline or the caller's cancellation, whichever stopped the request. */
export function abortFailure(ctx: TransportContext): SourceError {
  if (ctx.deadline.callerAborted()) {
    return new SourceError(`the request to ${ctx.where} was cancelled`, { retryable: false, kind: 'timeout' });
  }
  return new SourceError(
    `${ctx.where} did not answer completely within the ${formatDuration(ctx.timeoutSeconds)} timeout: ` +
      `raise \`timeout\` of source "${ctx.sourceName}", or make the query cheaper (shorter window, larger step)`,
    { retryable: false, kind: 'timeout' },
  );
}

/** The SourceError for a request that got no usable HTTP answer. Non-request errors (bugs) are rethrown. */
export function transportFailure(error: unknown, ctx: TransportContext): SourceError {
  if (error instanceof SourceError) return error;
  if (ctx.deadline.signal.aborted) return abortFailure(ctx);
  if (!isAxiosError(error)) throw error;
  const code = codeOf(error);
  const message = typeof error.message === 'string' ? error.message : '';
  const { where } = ctx;
  if (/maxContentLength|maxBodyLength/.test(message) || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') {
    const mib = Math.round(ctx.maxBytes / 1048576);
    return new SourceError(
      `${where} answered more than ${mib >= 1 ? `${mib} MiB` : `${ctx.maxBytes} bytes`}: ` +
        'aggregate the query (e.g. `sum by (route) (...)`), raise `step` or shorten the window',
      { retryable: false, kind: 'limit' },
    );
  }
  if (code === 'ERR_CANCELED') return abortFailure(ctx);
  if (code === 'ECONNREFUSED')
    return network(`${where} refused the connection: is it running and is \`url\` right?`, true);
  // The resolver answered that the name does not exist: waiting will not make it exist, `url` is wrong.
  if (code === 'ENOTFOUND') {
    return new SourceError(`${where}: the host name does not resolve; check \`url\` of source "${ctx.sourceName}"`, {
      retryable: false,
      kind: 'endpoint',
    });
  }
  if (code === 'EAI_AGAIN') return network(`${where}: the host name could not be resolved (DNS did not answer)`, true);
  if (['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'].includes(code) || /socket hang up|aborted/i.test(message)) {
    return network(`${where} closed the connection before answering completely`, true);
  }
  if (['ETIMEDOUT', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN'].includes(code)) {
    return network(`${where} could not be reached (${code}): check the network and \`url\``, true);
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)) {
    return network(
      `${where}: TLS verification failed (${code}); the server's certificate is not trusted: set \`tls.ca\` of source ` +
        `"${ctx.sourceName}" to the PEM file of the CA that signed it (or \`tls.serverName\` to the name on it)`,
      false,
    );
  }
  if (/^Z_|ERR_BAD_RESPONSE/.test(code)) {
    return new SourceError(`${where} sent a body that could not be decoded (${code || 'bad response'})`, {
      retryable: false,
      kind: 'protocol',
    });
  }
  return network(`${where}: the request failed (${code || 'error'}: ${sanitizeServerText(message)})`, false);
}
