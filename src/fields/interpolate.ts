/**
 * `${VAR}` templates in spec strings. Only the braced form is a variable, so a `$` anywhere else
 * (a password, a regex `foo$`) stays literal, and `$${X}` writes a literal `${X}`. It runs on
 * string scalars after YAML parsing, so a value can never inject YAML structure.
 */

/** A piece of the output and where it came from in the raw string. */
export interface Segment {
  outStart: number;
  rawStart: number;
  length: number;
  /** A variable's value: its characters do not map one-to-one onto the raw text. */
  substituted: boolean;
}

/** The result of expanding one string, with what is needed to map errors back to the raw text. */
export interface Interpolation {
  value: string;
  /** Names of variables that were not set, in order of appearance. */
  missing: string[];
  /** Names of variables that were set to the empty string. */
  empty: string[];
  /** Values that were put in, for secret-bearing fields. */
  substitutedValues: string[];
  segments: Segment[];
  rawLength: number;
  /** Variables whose value could not be placed where they stand (see `Placement`), with why. */
  refused: { name: string; reason: string }[];
}

/**
 * `${NAME}`, `${NAME:raw}` (the value goes in verbatim, even into a PromQL query),
 * `${NAME:-default}` (the default when NAME is unset or empty, as in a shell or docker compose),
 * or the escape `$${`. Exported so that scanners of templates (promql-template.ts) see the same
 * variables.
 */
export const TEMPLATE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:raw)|:-([^}]*))?\}/g;

/** `$NAME` without braces: kept literal (a password may hold `$`), but worth a warning elsewhere. */
export const BARE_VARIABLE = /(?<!\$)\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names written as a bare `$NAME` in `raw`, in order, each once. */
export function findBareVariables(raw: string): string[] {
  const names = [...raw.matchAll(BARE_VARIABLE)].map((match) => match[1] as string);
  return [...new Set(names)];
}

/** Where a variable stands, for a placement that escapes by context. */
export interface VariableSite {
  name: string;
  /** Offset of its `${` in the raw string. */
  rawStart: number;
  /** Written `${NAME:raw}`: the author asked for the value verbatim. */
  raw: boolean;
}

/** Turns a variable's value into the text put in its place, or says why it cannot be placed there. */
export type Placement = (value: string, site: VariableSite) => string | { refused: string };

/** Replace `${NAME}` with lookup(NAME); unset names are listed in `missing`, never guessed. */
export function interpolate(
  raw: string,
  lookup: (name: string) => string | undefined,
  place?: Placement,
): Interpolation {
  const segments: Segment[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const substitutedValues: string[] = [];
  const refused: Interpolation['refused'] = [];
  let value = '';
  let rawPos = 0;
  const literal = (rawStart: number, text: string): void => {
    if (text === '') return;
    segments.push({ outStart: value.length, rawStart, length: text.length, substituted: false });
    value += text;
  };
  for (const match of raw.matchAll(TEMPLATE)) {
    const at = match.index;
    literal(rawPos, raw.slice(rawPos, at));
    const name = match[1];
    if (name === undefined) {
      // `$${` is the escape: drop the first `$`, keep `${` literal.
      literal(at + 1, '${');
    } else {
      const fallback = match[3];
      const set = lookup(name);
      // `${NAME:-default}`: an unset or empty NAME takes the default, written in the spec itself.
      const found = fallback !== undefined && (set === undefined || set === '') ? fallback : set;
      if (found === undefined) missing.push(name);
      const text = found ?? '';
      if (found !== undefined) substitutedValues.push(found);
      if (found === '') empty.push(name);
      let placed = text;
      if (place !== undefined && found !== undefined) {
        const result = place(found, { name, rawStart: at, raw: match[2] !== undefined });
        if (typeof result === 'string') placed = result;
        else refused.push({ name, reason: result.refused });
      }
      segments.push({ outStart: value.length, rawStart: at, length: placed.length, substituted: true });
      value += placed;
    }
    rawPos = at + match[0].length;
  }
  literal(rawPos, raw.slice(rawPos));
  return { value, missing, empty, substitutedValues, segments, rawLength: raw.length, refused };
}

/** Where output offset `offset` came from in the raw string (a variable's value maps to its `${`). */
export function rawOffsetOf(interpolation: Interpolation, offset: number): number {
  if (offset >= interpolation.value.length) return interpolation.rawLength;
  let best = 0;
  for (const segment of interpolation.segments) {
    if (offset < segment.outStart) break;
    const inside = offset - segment.outStart;
    best = segment.substituted ? segment.rawStart : segment.rawStart + inside;
    if (inside < segment.length) return best;
    if (!segment.substituted) best = segment.rawStart + segment.length;
  }
  return best;
}

/** Build a lookup where `--var` values win over the environment. */
export function variableLookup(
  vars: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): (name: string) => string | undefined {
  return (name) => (Object.hasOwn(vars, name) ? vars[name] : Object.hasOwn(env, name) ? env[name] : undefined);
}
