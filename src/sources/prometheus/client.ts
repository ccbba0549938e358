/**
 * The Prometheus source: reads range queries from any Prometheus HTTP API (Prometheus, Thanos,
 * Mimir, VictoriaMetrics). It returns samples only; every failure is a SourceError whose message
 * is redacted of this source's credentials.
 */
import { SourceError, UsageError } from '../../errors.js';
import { deployMarksOf } from './deploy-marks.js';
import { redact } from '../../redact.js';
import type { PrometheusSourceSpec } from './spec.js';
import type { TimeRange } from '../../types.js';
import type { QueryResult, Source } from '../types.js';
import { readAnswer } from './answer.js';
import { buildHeaders, collectSecrets } from './auth.js';
import { checkClockSkew } from './clock-skew.js';
import { startDeadline } from './deadline.js';
import { parseEndpoint } from './endpoint.js';
import { postQueryRange } from './request.js';
import { type AttemptCounter, runWithRetries } from './retry.js';
import { loadTlsAgent } from './tls.js';
import { abortFailure, transportFailure } from './transport-errors.js';

/** Default cap on a decoded answer: far above any sane range query, far below a memory problem. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** What one fetch cost, for progress output and --verbose logs. */
export interface RequestReport {
  query: string;
  seconds: number;
  attempts: number;
}

export interface PrometheusSourceOptions {
  onRequest?: (report: RequestReport) => void;
  /** Cap on a decoded answer in bytes (tests lower it). */
  maxResponseBytes?: number;
  /** First retry backoff in seconds (doubles per attempt, jittered). */
  retryBaseSeconds?: number;
}

function redacted(error: SourceError, secrets: string[]): SourceError {
  return new SourceError(redact(error.message, secrets), error.options);
}

/** Create a Source that POSTs to `${spec.url}/api/v1/query_range`. Throws UsageError for a non-http(s) URL or an unreadable `tls.ca`. */
export function createPrometheusSource(spec: PrometheusSourceSpec, options: PrometheusSourceOptions = {}): Source {
  const endpoint = parseEndpoint(spec.url, spec.name);
  const headers = buildHeaders(spec, endpoint);
  const secrets = collectSecrets(spec, endpoint);
  const httpsAgent = endpoint.queryRangeUrl.startsWith('https:') ? loadTlsAgent(spec.tls, spec.name) : undefined;
  const where = `Prometheus at ${endpoint.display}`;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const policy = { retries: spec.retries, baseSeconds: options.retryBaseSeconds ?? 0.5, maxBackoffSeconds: 8 };
  const ctx = { where, sourceName: spec.name };

  async function fetchRange(query: string, range: TimeRange, signal?: AbortSignal): Promise<QueryResult> {
    const started = Date.now();
    const counter: AttemptCounter = { attempts: 0 };
    const deadline = startDeadline(spec.timeout, signal);
    const transport = { ...ctx, deadline, timeoutSeconds: spec.timeout, maxBytes };
    const attempt = async (): Promise<QueryResult> => {
      let answer;
      try {
        answer = await postQueryRange({
          url: endpoint.queryRangeUrl,
          headers,
          query,
          range,
          signal: deadline.signal,
          maxBytes,
          ...(httpsAgent ? { httpsAgent } : {}),
        });
      } catch (error) {
        throw transportFailure(error, transport);
      }
      const result = readAnswer(answer, endpoint.queryRangeUrl, range, ctx);
      const skew = checkClockSkew(answer.date, range, where);
      return skew === undefined ? result : { ...result, warnings: [...result.warnings, skew] };
    };
    try {
      const result = await runWithRetries(attempt, policy, deadline, counter);
      return { series: result.series, warnings: result.warnings.map((w) => redact(w, secrets)) };
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      const final = deadline.callerAborted() ? abortFailure(transport) : error;
      throw redacted(final, secrets);
    } finally {
      deadline.dispose();
      options.onRequest?.({ query, seconds: (Date.now() - started) / 1000, attempts: counter.attempts });
    }
  }

  return {
    fetchRange,
    // deploy.detect reads a query (a version metric, a start time); `match` is for logs sources.
    findDeployMarks: async (probe, range, signal) => {
      if (probe.query === undefined)
        throw new UsageError(
          `deploy.detect on source "${spec.name}" (prometheus) needs "query"; "match" is for logs sources`,
        );
      const result = await fetchRange(probe.query, range, signal);
      return deployMarksOf(result.series, range);
    },
    describe: () => redact(`prometheus source "${spec.name}" at ${endpoint.display}`, secrets),
  };
}
