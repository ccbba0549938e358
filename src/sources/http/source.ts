/** The `type: http` source: probes `url` (and `baselineUrl`, side by side) `samples` times. */
import { parseJsonCondition } from './json-condition.js';
import { parseJsonPath } from './json-path.js';
import type { HttpSourceSpec } from './spec.js';
import type { Series } from '../../types.js';
import { sampleTargetsTogether } from '../sample-schedule.js';
import type { SampledSource, SampleTarget, Sampling } from '../sampled-types.js';
import { probeOnce, type ProbeResult, type ProbeSettings } from './probe.js';
import { createAgents } from '../http-request.js';

/** Response bodies of probes are health answers, not downloads. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Create the http source of a spec entry. */
export function createHttpSource(spec: HttpSourceSpec): SampledSource {
  const settings = (url: string): ProbeSettings => ({
    request: {
      url,
      method: spec.method,
      headers: spec.headers,
      timeout: spec.timeout,
      maxBytes: MAX_BODY_BYTES,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
    },
    expectStatus: spec.expectStatus,
    ...(spec.condition !== undefined
      ? { condition: parseJsonCondition(spec.condition), conditionText: spec.condition }
      : {}),
    ...(spec.value !== undefined ? { value: parseJsonPath(spec.value) } : {}),
  });
  return {
    describe: () =>
      `http source "${spec.name}" probing ${spec.method} ${new URL(spec.url).origin}${new URL(spec.url).pathname}${spec.baselineUrl ? ' (side by side with baselineUrl)' : ''}, ${spec.samples} probes every ${spec.interval}s`,
    async collect(targets, signal, onProgress) {
      const agents = createAgents();
      const results: Record<SampleTarget, ProbeResult[]> = { url: [], baselineUrl: [] };
      const startedAt = Date.now() / 1000;
      try {
        await sampleTargetsTogether(
          spec,
          targets,
          signal,
          async (target, url) => results[target].push(await probeOnce(settings(url), agents, signal)),
          onProgress,
        );
      } finally {
        agents.destroy();
      }
      const sampled: Partial<Record<SampleTarget, Sampling>> = {};
      for (const target of targets)
        sampled[target] = toSampling(interruptedLast(results[target], signal), spec.samples, startedAt);
      return sampled;
    },
  };
}

/** A probe cut short by an interrupt measured nothing about the app: drop it. */
function interruptedLast(results: ProbeResult[], signal: AbortSignal): ProbeResult[] {
  return signal.aborted ? results.filter((r) => r.failure !== 'interrupted') : results;
}

/** Probes to per-measure series: success (1/0) for every probe, latency for complete answers, value. */
export function toSampling(results: readonly ProbeResult[], planned: number, startedAt: number): Sampling {
  const series = (points: { t: number; v: number }[]): Series[] => [{ labels: {}, points }];
  const failures: Record<string, number> = {};
  for (const r of results) if (r.failure !== undefined) failures[r.failure] = (failures[r.failure] ?? 0) + 1;
  return {
    startedAt,
    endedAt: Date.now() / 1000,
    planned,
    taken: results.length,
    measures: {
      success: series(results.map((r) => ({ t: r.t, v: r.ok ? 1 : 0 }))),
      latency: series(results.flatMap((r) => (r.latency === undefined ? [] : [{ t: r.t, v: r.latency }]))),
      value: series(results.map((r) => ({ t: r.t, v: r.value }))),
    },
    failures,
  };
}
