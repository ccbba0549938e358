/**
 * A source type as a plug-in: one folder under src/sources/<type>/ exports one `SourceKind`, and
 * src/sources/registry.ts lists it. Everything outside that folder (the spec loader, the JSON
 * Schema and the README reference, the gate, the sampling and its snapshot, the dry run, `init`)
 * reads the registry and never names a type, so a new source is one folder and one registry line.
 * docs/adding-a-source.md walks through it.
 */
import type { CountSeries } from '../judge/count/count-series.js';
import type { ReadContext } from '../fields/read-context.js';
import type { ReadObject } from '../fields/read-value.js';
import type { FieldDef, JsonSchema } from '../fields/value-types.js';
import type { SourceCheckPart, SourceSpecBase } from '../spec-model.js';
import type { Series } from '../types.js';
import type { SampledSource, SampledSourceSpec, Sampling } from './sampled-types.js';
import type { Source } from './types.js';

/** One table of the README's spec reference. */
export interface ReferenceSection {
  title: string;
  /** Prefix of the keys in the table, e.g. `sources.<name>.`. */
  path: string;
  fields: readonly FieldDef[];
}

/** The parts of a starter spec that `init` shares between kinds. */
export interface StarterParts {
  /** The schema comment, `version: 1` and `name:`. */
  header: string;
  /** `defaults:` with confidence and tolerance; a kind may append keys (indented two spaces). */
  defaults: string;
}

/** What a kind's check rule gets besides the check itself. */
export interface CheckRuleContext {
  ctx: ReadContext;
  /** The spec text, to point errors inside expressions at their column. */
  text: string;
  /** The source the check reads (its own `source`, else the default's), when it is defined. */
  source: ReadObject | undefined;
  /**
   * Report every present key that belongs to another kind's checks: `"<key>" in <check> <why>`;
   * a function `why` is given the types whose checks take that key, joined with "or".
   */
  refuseForeignKeys(why: string | ((owners: string) => string)): void;
}

/** What a kind's `deploy.detect` rule gets besides the detect block. */
export interface DetectRuleContext {
  ctx: ReadContext;
  /** The spec text, to point errors inside expressions at their column. */
  text: string;
  /** The name of the source `deploy.detect` names, and its block. */
  name: string;
  source: ReadObject;
}

/** What every kind declares: its spec block and the source-specific part of a check on it. */
interface SourceKindBase<S extends SourceSpecBase> {
  /** The `type:` value of its spec block. */
  type: S['type'];
  /** One line for `init --help` and the docs. */
  summary: string;
  /** Keys of its block under `sources:` (drive validation, defaults, the JSON Schema and the README reference). */
  fields: readonly FieldDef[];
  /** Its tables in the README's spec reference (the block, and any nested object worth its own table). */
  reference: readonly ReferenceSection[];
  /**
   * The check keys that make a check one of this kind's (PromQL queries, `measure`, `rate`...):
   * refused on the checks of other kinds, and the JSON Schema's choice between kinds.
   */
  checkModeKeys: readonly string[];
  /** Check keys that only checks on this kind may use, added to the check table (and refused elsewhere). */
  checkFields: readonly FieldDef[];
  /** JSON Schema alternatives of a check on this kind; `foreignKeys` are the other kinds' mode keys. */
  checkSchemas(foreignKeys: readonly string[]): JsonSchema[];
  /** Rules across keys of its block (parsed expressions, exclusive keys), pointing into the file. */
  validateSource?(source: ReadObject, ctx: ReadContext, text: string): void;
  /** Rules of a check on it: which keys it needs, and refusing other kinds' keys. */
  validateCheck(check: ReadObject, rule: CheckRuleContext): void;
  /**
   * Rules of `deploy.detect` when it names a source of this kind, which reads it in
   * `Source.findDeployMarks`: the key it takes (`query` or `match`) parsed when the spec is loaded,
   * so `validate` and `run` refuse what detection would, at its line and column.
   */
  validateDetect?(detect: ReadObject, rule: DetectRuleContext): void;
  /** The typed spec of its block; only called on a block without issues. */
  buildSource(name: string, source: ReadObject, specFile: string): S;
  /** The source-specific part of a check on it (CheckSpec.probe), if it has one. */
  buildCheck?(check: ReadObject): SourceCheckPart | undefined;
  /** The commented starter spec `verify-deploy init --source <type>` writes; it must validate as written. */
  starter(parts: StarterParts): string;
}

/** A source with history: queried over past windows (baseline, post) like Prometheus. */
export interface RangeSourceKind<S extends SourceSpecBase = SourceSpecBase> extends SourceKindBase<S> {
  history: 'range';
  create(spec: S): Source;
  /**
   * The queries a check reads when its kind's own keys shape them (logs: `by`, `signatures`, a
   * numerator alone): they replace the check's `query` / `numerator` / `denominator` in the plan.
   */
  checkQueries?(check: ReadObject): CheckQueries;
}

/** The query strings a range check is planned with. */
export interface CheckQueries {
  query?: string;
  numerator?: string;
  denominator?: string;
}

/** How the samples of a check become what the judge compares. */
export type Judged =
  /** A proportion (e.g. failed probes out of probes), judged by the count test; every sample is a trial. */
  | { counts: CountSeries }
  /** Series judged by the rank test, like a PromQL query's. */
  | { series: Series[] };

/** A source without history: sampled now, the baseline side by side (`baselineUrl`) or from a snapshot. */
export interface SampledSourceKind<
  S extends SampledSourceSpec = SampledSourceSpec,
  P extends SourceCheckPart = SourceCheckPart,
> extends SourceKindBase<S> {
  history: 'sampled';
  /** What one sample is called in progress lines: "probes", "scrapes". */
  sampleNoun: string;
  /** `parts` are the checks on this source: a source may keep only what they read. */
  create(spec: S, parts: readonly P[]): SampledSource;
  /** What a check's samples become for the judge. */
  judged(part: P, sampling: Sampling): Judged;
}

export type SourceKind = RangeSourceKind | SampledSourceKind;
