/**
 * Sources that keep no history (HTTP probes, scraped /metrics) cannot be asked about the past:
 * they are sampled now. How to add one: implement `SampledSource` in a folder of its own and
 * list its factory in src/sources/index.ts next to the range-query sources. Like every source it
 * returns samples only and never judges; a failed probe is data (success 0), not an error.
 */
import type { Series } from '../types.js';

/** Which URL of a source: `url` (the new version; before the deploy, the snapshot's) or `baselineUrl` (blue/green). */
export type SampleTarget = 'url' | 'baselineUrl';

/** The samples of one target: per measure, series with real timestamps (unix seconds). */
export interface Sampling {
  startedAt: number;
  endedAt: number;
  /** Samples planned and taken: an interrupted sampling takes fewer. */
  planned: number;
  taken: number;
  /** http: `success`, `latency`, `value`; scrape: exposed metric names (e.g. `x_bucket`). */
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
  collect(targets: readonly SampleTarget[], signal: AbortSignal, onProgress?: (progress: SampleProgress) => void): Promise<Partial<Record<SampleTarget, Sampling>>>;
  /** Human-readable description for --dry-run and messages, with secrets redacted. */
  describe(): string;
}
