/**
 * The kinds of values a spec field can hold. Each kind carries both its parser and its JSON Schema
 * fragment, so validation and the published schema come from one definition. The scalar kinds
 * themselves are in scalars.ts.
 */

/** A JSON Schema fragment. */
export type JsonSchema = Record<string, unknown>;

/** A parsed value, or why the raw value was refused (the caller adds which field it was). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason?: string };

/** A single YAML scalar (string, number, boolean). */
export interface ScalarType<T = unknown> {
  kind: 'scalar';
  /** What a valid value looks like, for messages: "a duration like 30s, 5m or 1h30m". */
  expected: string;
  /** Whether a refused value may be quoted back in the message (never for URLs or secrets). */
  echo: boolean;
  schema: JsonSchema;
  parse(raw: unknown): ParseResult<T>;
  /** `promql`: `${VAR}` values are escaped for where they stand in the query (promql-template.ts). */
  template?: 'promql';
  /** A `$name` in the value is expected text (a GraphQL body), so it draws no bare-variable warning. */
  dollarIsText?: true;
}

/** A YAML sequence. `owner` names each item in messages (`check "latency"`). */
export interface ListType<T = unknown> {
  kind: 'list';
  item: ScalarType<T> | ObjectType;
  minItems?: number;
  owner?: { label: string; nameKey: string };
  /** A single value is read as a list of one (`files: access.log` or a list of globs). */
  single?: true;
  /** Items may themselves be lists of `item` (an argv, or a list of argvs): read as a list of lists. */
  nested?: true;
}

/** A YAML mapping from free-form keys (headers, source names) to values. */
export interface MapType<T = unknown> {
  kind: 'map';
  value: ScalarType<T> | ObjectType | UnionType;
  /** Keys must match; `what` names a key in messages, `hint` says what is allowed. */
  keyPattern?: { regex: RegExp; what: string; hint: string };
  /** Names each entry in messages (`source "prom"`). */
  owner?: string;
  minEntries?: number;
}

/** A YAML mapping with a fixed set of keys, described by a field table. */
export interface ObjectType {
  kind: 'object';
  fields: readonly FieldDef[];
  /** Keys refused with a reason instead of "unknown key". */
  forbidden?: Readonly<Record<string, string>>;
  /** JSON Schema form of cross-key rules (the rules themselves live in *-rules.ts). */
  schemaRules?: JsonSchema;
}

/** A mapping whose `type` key picks its field table (sources). */
export interface UnionType {
  kind: 'union';
  discriminator: string;
  variants: Readonly<Record<string, ObjectType>>;
}

/** Every kind of value a field can hold. */
export type ValueType = ScalarType | ListType | MapType | ObjectType | UnionType;

/** One key of a spec mapping: the single source of truth for validation, defaults and schema. */
export interface FieldDef {
  key: string;
  type: ValueType;
  /** Shown by editors (JSON Schema `description`) and in `init`'s comments. */
  description: string;
  /** Written as a user would write it (`30m`, `10%`); parsed like user input when applied. */
  default?: unknown;
  required?: boolean;
  /** `value`: the whole value is a secret; `substituted`: every `${VAR}` value put into it is. */
  secret?: 'value' | 'substituted';
}
