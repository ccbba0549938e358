/** One probe of an http source: success, latency and the JSON value, never an exception. */
import { evaluateJsonCondition, type JsonCondition } from './json-condition.js';
import { lookupJsonPath, type PathStep } from './json-path.js';
import type { StatusRange } from './spec.js';
import { statusMatches } from './status-set.js';
import { RequestFailure, sendRequest, type createAgents, type RequestSpec } from '../http-request.js';

/** What one probe saw. `latency` is set when a complete response arrived (whatever its status). */
export interface ProbeResult {
  t: number;
  ok: boolean;
  latency?: number;
  /** The number at the `value` path; NaN when absent or not a number. */
  value: number;
  /** Why it failed, short and safe to print. */
  failure?: string;
}

export interface ProbeSettings {
  request: RequestSpec;
  expectStatus: StatusRange[];
  condition?: JsonCondition;
  conditionText?: string;
  value?: PathStep[];
}

/** Probe once and classify the answer. */
export async function probeOnce(
  settings: ProbeSettings,
  agents: ReturnType<typeof createAgents>,
  signal: AbortSignal,
): Promise<ProbeResult> {
  const t = Date.now() / 1000;
  let response;
  try {
    response = await sendRequest(settings.request, agents, signal);
  } catch (error) {
    if (error instanceof RequestFailure) return { t, ok: false, value: Number.NaN, failure: error.reason };
    throw error;
  }
  const needsJson = settings.condition !== undefined || settings.value !== undefined;
  const document = needsJson ? parseJsonBody(response.body) : undefined;
  const value =
    settings.value && document !== undefined ? toNumber(lookupJsonPath(document, settings.value)) : Number.NaN;
  const base = { t, latency: response.seconds, value };
  if (!statusMatches(response.status, settings.expectStatus))
    return { ...base, ok: false, failure: `status ${response.status}` };
  if (settings.condition) {
    if (document === undefined) return { ...base, ok: false, failure: 'body is not JSON' };
    if (!evaluateJsonCondition(settings.condition, document))
      return { ...base, ok: false, failure: `condition ${settings.conditionText ?? 'on the JSON body'} is false` };
  }
  return { ...base, ok: true };
}

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Numbers only: a string or boolean at the path is not silently converted. */
function toNumber(found: unknown): number {
  return typeof found === 'number' && Number.isFinite(found) ? found : Number.NaN;
}
