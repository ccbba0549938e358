/**
 * Validate the Prometheus API envelope `{status, data, errorType, error, warnings, infos}` of a
 * query_range answer and extract its series. Anything unexpected is a protocol error: a gate
 * must not judge data it could not read with certainty.
 */
import { SourceError } from '../../errors.js';
import type { TimeRange } from '../../types.js';
import type { QueryResult } from '../types.js';
import { parseMatrix } from './matrix.js';
import { isPartialWarning } from './partial.js';
import { sanitizeServerText } from './server-text.js';

/** More series than this is almost always a query that forgot to aggregate. */
export const MAX_SERIES = 10000;

/** The `errorType` / `error` pair of a failed answer. */
export interface EnvelopeError {
  errorType: string;
  error: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function protocolError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'protocol' });
}

/** Complete JSON that is not a query_range answer: `url` leads to some other API. */
function endpointError(message: string): SourceError {
  return new SourceError(message, { retryable: false, kind: 'endpoint' });
}

/** The error an answer reports (any HTTP status), or undefined when it is not an error envelope. */
export function readEnvelopeError(body: unknown): EnvelopeError | undefined {
  if (!isRecord(body) || body['status'] !== 'error') return undefined;
  return {
    errorType: sanitizeServerText(String(body['errorType'] ?? 'unknown')),
    error: sanitizeServerText(String(body['error'] ?? '')),
  };
}

/** The SourceError for a `status: "error"` answer that came with a 2xx status. */
export function envelopeFailure(where: string, failure: EnvelopeError): SourceError {
  const kind = failure.errorType === 'bad_data' || failure.errorType === 'execution' ? 'query' : 'http';
  const todo =
    kind === 'query'
      ? 'fix the query (try it in the Prometheus UI)'
      : 'the backend failed to run it; run again later, or make the query cheaper';
  return new SourceError(`${where} refused the query (${failure.errorType}): ${failure.error}; ${todo}`, {
    retryable: false,
    kind,
  });
}

function readStrings(raw: unknown): string[] {
  return Array.isArray(raw)
    ? raw.map((item) => sanitizeServerText(typeof item === 'string' ? item : JSON.stringify(item)))
    : [];
}

/** Parse a query_range answer into series and benign warnings; throws SourceError otherwise. */
export function parseQueryRangeBody(body: unknown, range: TimeRange, where: string): QueryResult {
  const notAnApi = `: \`url\` must point at a Prometheus-compatible query API`;
  if (!isRecord(body))
    throw endpointError(`${where} answered JSON that is not the Prometheus API's envelope${notAnApi}`);
  const failure = readEnvelopeError(body);
  if (failure) throw envelopeFailure(where, failure);
  if (body['status'] === undefined)
    throw endpointError(`${where} answered JSON without the Prometheus API's \`status\`${notAnApi}`);
  if (body['status'] !== 'success') {
    throw protocolError(`${where} answered with status ${JSON.stringify(body['status'])}, not "success"`);
  }
  const warnings = readStrings(body['warnings']);
  const partial = warnings.find(isPartialWarning);
  if (body['isPartial'] === true || partial !== undefined) {
    const why = partial ?? 'isPartial: true';
    throw new SourceError(
      `${where} answered with partial data (${why}): some of the data is missing, so nothing is judged; run again once every store is up`,
      {
        retryable: false,
        kind: 'protocol',
      },
    );
  }
  const data = body['data'];
  if (!isRecord(data)) throw protocolError(`${where} answered without a \`data\` object`);
  if (data['resultType'] !== 'matrix') {
    throw endpointError(
      `${where} answered a range query with resultType ${JSON.stringify(data['resultType'])}, not "matrix"${notAnApi}`,
    );
  }
  const result = data['result'];
  if (!Array.isArray(result)) throw protocolError(`${where} answered without a \`data.result\` array`);
  if (result.length > MAX_SERIES) {
    throw new SourceError(
      `the query returned ${result.length} series, more than the ${MAX_SERIES} verify-deploy reads: ` +
        'aggregate it (e.g. `sum by (route) (...)`) to the series you want judged',
      { retryable: false, kind: 'limit' },
    );
  }
  const matrix = parseMatrix(result, range);
  if (matrix.histogramSeries > 0) {
    warnings.push(
      `${matrix.histogramSeries} series carried native histogram samples, which are not read: ` +
        'use histogram_quantile() or histogram_avg() to turn them into numbers',
    );
  }
  for (const info of readStrings(body['infos'])) warnings.push(`info: ${info}`);
  return { series: matrix.series, warnings };
}
