/**
 * The `type: scrape` source: reads a /metrics page `samples` times and keeps the raw samples of
 * the metrics its checks name, as series with the scrape time as timestamp. Rates, ratios and
 * quantiles are computed from them later (src/gate/sampling/), so a snapshot stores raw counters.
 */
import type { ScrapeSourceSpec } from './spec.js';
import type { Labels, Series } from '../../types.js';
import { RequestFailure, createAgents, sendRequest } from '../http-request.js';
import { sampleTargetsTogether } from '../sample-schedule.js';
import type { SampledSource, SampleTarget, Sampling } from '../sampled-types.js';
import { ExpositionError, parseExposition } from './parse-exposition.js';

/** A /metrics page is rarely over a few MiB; more is a mistake or an attack. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** Options of the scrape factory: which exposed metric names to keep (e.g. `x_total`, `y_bucket`). */
export interface ScrapeOptions {
  metrics?: readonly string[];
}

/** Create the scrape source of a spec entry. */
export function createScrapeSource(spec: ScrapeSourceSpec, options: ScrapeOptions = {}): SampledSource {
  const keep = options.metrics ? new Set(options.metrics) : undefined;
  return {
    describe: () =>
      `scrape source "${spec.name}" reading ${new URL(spec.url).origin}${new URL(spec.url).pathname}${spec.baselineUrl ? ' (side by side with baselineUrl)' : ''}, ${spec.samples} scrapes every ${spec.interval}s`,
    async collect(targets, signal, onProgress) {
      const agents = createAgents();
      const state = Object.fromEntries(targets.map((t) => [t, new Accumulator()])) as Record<SampleTarget, Accumulator>;
      const startedAt = Date.now() / 1000;
      try {
        const request = (url: string) => ({
          url,
          method: 'GET',
          headers: { Accept: 'text/plain;version=0.0.4', ...spec.headers },
          timeout: spec.timeout,
          maxBytes: MAX_PAGE_BYTES,
        });
        await sampleTargetsTogether(
          spec,
          targets,
          signal,
          async (target, url) => {
            await state[target].scrape(request(url), keep, agents, signal);
            return state[target].taken;
          },
          onProgress,
        );
      } finally {
        agents.destroy();
      }
      const sampled: Partial<Record<SampleTarget, Sampling>> = {};
      for (const target of targets) sampled[target] = state[target].toSampling(spec.samples, startedAt);
      return sampled;
    },
  };
}

/** Series of one target, built up scrape by scrape. */
class Accumulator {
  taken = 0;
  private readonly series = new Map<string, { name: string; labels: Labels; points: { t: number; v: number }[] }>();
  private readonly failures: Record<string, number> = {};

  async scrape(
    request: Parameters<typeof sendRequest>[0],
    keep: ReadonlySet<string> | undefined,
    agents: ReturnType<typeof createAgents>,
    signal: AbortSignal,
  ): Promise<void> {
    const t = Date.now() / 1000;
    try {
      const response = await sendRequest(request, agents, signal);
      if (response.status < 200 || response.status > 299) return this.fail(`status ${response.status}`);
      if (/html/i.test(response.contentType))
        return this.fail(`not a metrics page (${response.contentType.split(';')[0]})`);
      const { samples } = parseExposition(response.body.toString('utf8'), keep);
      for (const sample of samples) {
        const key = JSON.stringify([sample.name, Object.entries(sample.labels).sort()]);
        let entry = this.series.get(key);
        if (!entry) this.series.set(key, (entry = { name: sample.name, labels: { ...sample.labels }, points: [] }));
        entry.points.push({ t, v: sample.value });
      }
      this.taken++;
    } catch (error) {
      if (error instanceof RequestFailure) return error.reason === 'interrupted' ? undefined : this.fail(error.reason);
      if (error instanceof ExpositionError) return this.fail(`malformed exposition: ${error.message}`);
      throw error;
    }
  }

  private fail(reason: string): void {
    this.taken++;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }

  toSampling(planned: number, startedAt: number): Sampling {
    const measures: Record<string, Series[]> = {};
    for (const { name, labels, points } of this.series.values()) (measures[name] ??= []).push({ labels, points });
    return {
      startedAt,
      endedAt: Date.now() / 1000,
      planned,
      taken: this.taken,
      measures,
      failures: { ...this.failures },
    };
  }
}
