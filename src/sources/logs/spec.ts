/** The resolved spec of a `type: logs` source: access and application logs read from files or commands. */
import type { SourceSpecBase } from '../../spec-model.js';

export interface LogsSourceSpec extends SourceSpecBase {
  type: 'logs';
  /** Globs, resolved against the spec file's folder; rotated `.1` and `.gz` files are matched by the glob. */
  files?: string[];
  /** Argv lists (no shell); their stdout is the log, several are merged by timestamp. */
  command?: string[][];
  /** `combined`, `common`, `json`, `logfmt`, `regex`, or an nginx `log_format` string. */
  format: string;
  /** `format: regex`: the pattern, with named groups (one of them `time`). */
  pattern?: string;
  /** json / logfmt: the time field; undefined tries time, ts, timestamp, @timestamp. */
  timeField?: string;
  /** Seconds a command may run for one read. */
  timeout: number;
}
