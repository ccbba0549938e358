/** A log line as the formats give it: its time and its fields by name. */

/** A parsed line: its time (unix seconds) and its fields. */
export interface ParsedLine {
  time: number;
  get(field: string): string | undefined;
  /** The names of its fields, for formats that learn them from the line (json, logfmt). */
  names?(): string[];
}

/** Turns a line into a ParsedLine, or undefined when it does not parse (or has no readable time). */
export type LineParser = (line: string) => ParsedLine | undefined;

/** A compiled format, with the names of the fields it gives when it knows them before reading. */
export interface LineFormat {
  parse: LineParser;
  fields?: readonly string[];
}
