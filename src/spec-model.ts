/** The spec after loading and validation: durations in seconds, percentages as fractions. */
import type { Aggregate, Direction } from './types.js';

/** Where a value sits in the spec file, so later stages (PromQL checks) can point at it. */
export interface SourcePosition {
  line: number;
  col: number;
}

/**
 * What every resolved source has. The rest of each source's spec is its own: typed in its folder
 * under src/sources/<type>/ and read only there, so no stage outside that folder names a type.
 */
export interface SourceSpecBase {
  type: string;
  name: string;
  readonly [key: string]: unknown;
}

/** A resolved entry of `sources:` (see SourceSpecBase). */
export type SourceSpec = SourceSpecBase;

/**
 * The source-specific part of a check (e.g. what an http check measures), built and read by its
 * source's kind; `kind` names what is measured, for the dry run.
 */
export interface SourceCheckPart {
  readonly kind: string;
  /** Its points are events (one per log line), not one per step: a window may hold more points than steps. */
  readonly eventPoints?: true;
}

export interface CheckSpec {
  name: string;
  source: string;
  /** Before/after mode: one query read over the baseline and the post window. */
  query?: string;
  /** Canary mode: two queries read over the same post window. */
  baselineQuery?: string;
  candidateQuery?: string;
  /**
   * Count mode: events (e.g. errors) and trials (e.g. requests) per step, judged as counts
   * (exact binomial test) instead of as a ratio time series. Both or neither.
   */
  numerator?: string;
  denominator?: string;
  /** Count mode: fewer denominator events than this on either side is inconclusive. */
  minTraffic?: number;
  direction: Direction;
  /** Relative change allowed before it counts (0.1 = 10%). */
  tolerance: number;
  /** 1 - alpha of the test, e.g. 0.95. */
  confidence: number;
  /** Query resolution, seconds. */
  step: number;
  max?: number;
  min?: number;
  aggregate: Aggregate;
  critical: boolean;
  /** Usable samples needed on each side before anything is judged. */
  minSamples: number;
  /** Labels left out when matching baseline to candidate series (e.g. pod, instance). */
  ignoreLabels: string[];
  /** Checks on sources without history: what is measured (no PromQL), typed by the source's kind. */
  probe?: SourceCheckPart;
  /** Positions of the query strings in the spec file, for PromQL error messages. */
  positions: Partial<
    Record<'query' | 'baselineQuery' | 'candidateQuery' | 'numerator' | 'denominator', SourcePosition>
  >;
}

export interface Spec {
  version: 1;
  /** The spec file the spec came from (for messages). */
  file: string;
  name?: string;
  deploy: { at?: string; warmup: number; rollback?: string[]; detect?: DeployDetectSpec };
  /** Webhooks the verdict is posted to (secrets: their URLs are in `secrets`). */
  notify?: string[];
  /** `offset`: compare with the same time of day `offset` earlier (e.g. 1d, 7d) instead of just before the deploy. */
  /** `history`: seconds of history before the deploy whose adjacent windows show the series' natural variability. */
  baseline: { window: number; offset?: number; history?: number };
  post: { window: number };
  sources: Record<string, SourceSpec>;
  checks: CheckSpec[];
  /** Every interpolated value that came from a secret-bearing field, for redaction. */
  secrets: string[];
  /** Warnings found while reading the spec (a bare `$NAME`), as `file:line:col: message`. */
  warnings?: string[];
  /** Credentials too short to be redacted from ordinary text (src/redact.ts): a spec warning each. */
  shortSecrets?: ShortSecret[];
}

/** `deploy.detect`: how to find the deploy time in a source. Durations in seconds. */
export interface DeployDetectSpec {
  source: string;
  query?: string;
  match?: string;
  within: number;
  settle: number;
}

/** Where a credential shorter than the redactable length was given (its value is never kept here). */
export interface ShortSecret {
  /** The field as messages name it: `"auth.password" in source "prom"`. */
  field: string;
  position: SourcePosition;
}
