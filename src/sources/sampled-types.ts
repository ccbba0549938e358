/**
 * Sources that keep no history (HTTP probes, scraped /metrics) cannot be asked about the past:
 * they are sampled now. A sampled source kind (source-kind.ts) creates a `SampledSource`; like
 * every source it returns samples only and never judges; a failed probe is data (success 0), not
 * an error.
 */
import type { SourceSpecBase } from '../spec-model.js';
import type { Series } from '../types.js';

/** What the sampling stages read of every sampled source's spec (durations in seconds). */
export interface SampledSourceSpec extends SourceSpecBase {
  url: string;
  /** Side-by-side mode (blue/green): the old instance, sampled together with `url`. */
  baselineUrl?: string;
  /** Left out of the snapshot hash by value (a rotated token keeps a snapshot valid). */
  headers: Record<string, string>;
  samples: number;
  interval: number;
}

/** Which URL of a source: `url` (the new version; before the deploy, the snapshot's) or `baselineUrl` (blue/green). */
export type SampleTarget = 'url' | 'baselineUrl';

/** The samples of one target: per measure, series with real timestamps (unix seconds). */
export interface Sampling {
  startedAt: number;
  endedAt: number;
  /** Samples planned and taken: an interrupted sampling takes fewer. */
  planned: number;
  taken: number;
  /** Named by the source, e.g. http: `success`, `latency`, `value`; scrape: exposed metric names (`x_bucket`). */
  measures: Record<string, Series[]>;
  /** Why samples failed, with counts ("status 503": 3), for the report. */
  failures: Record<string, number>;
}

/** Progress of one target, reported after each sample. */
export interface SampleProgress {
  target: SampleTarget;
  done: number;
  total: number;
}

export interface SampledSource {
  /**
   * Sample the targets together, at the same moments (side by side for blue/green). When
   * `signal` aborts it resolves with what was taken so far (`taken < planned`), never rejects
   * for a probe's failure.
   */
  collect(
    targets: readonly SampleTarget[],
    signal: AbortSignal,
    onProgress?: (progress: SampleProgress) => void,
  ): Promise<Partial<Record<SampleTarget, Sampling>>>;
  /** Human-readable description for --dry-run and messages, with secrets redacted. */
  describe(): string;
}
