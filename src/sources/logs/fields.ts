/** Field tables of a `type: logs` source and of the check keys that read it. */
import { duration, enumOf, labelName, nonEmptyString } from '../../fields/scalars.js';
import type { FieldDef } from '../../fields/value-types.js';

/** Check keys that make a check one on a logs source (`query`, `numerator` and `denominator` are shared with PromQL). */
export const LOGS_MODE_KEYS = ['query', 'numerator', 'denominator', 'signatures'] as const;

const timeFields: readonly FieldDef[] = [
  {
    key: 'field',
    type: nonEmptyString,
    description: 'json / logfmt: the field holding the time (CLF, RFC 3339, unix seconds or milliseconds).',
  },
];

/** Keys of a source with `type: logs`. */
export const logsSourceFields: readonly FieldDef[] = [
  {
    key: 'type',
    type: enumOf(['logs'] as const),
    required: true,
    description: 'Access and application log files (or a command printing them): each line is a request or an event.',
  },
  {
    key: 'files',
    type: { kind: 'list', item: nonEmptyString, single: true, minItems: 1 },
    description:
      'A glob or a list of globs (relative to the spec file), e.g. `/var/log/nginx/access.log*`: rotated `.1` and gzip `.gz` files are read too, oldest first.',
  },
  {
    key: 'command',
    type: { kind: 'list', item: nonEmptyString, nested: true, minItems: 1 },
    secret: 'substituted',
    description:
      'An argv (no shell) whose stdout is the log, e.g. `[ssh, web-1, cat, /var/log/nginx/access.log]`; a list of argvs reads several hosts, merged by time. Instead of `files`.',
  },
  {
    key: 'format',
    type: { ...nonEmptyString, dollarIsText: true },
    default: 'combined',
    description:
      'combined, common, json, logfmt, regex (with `pattern`), or an nginx `log_format` string pasted as written (each `$variable` is a field).',
  },
  {
    key: 'pattern',
    type: { ...nonEmptyString, dollarIsText: true },
    description: '`format: regex`: a regular expression with named groups, one of them `time`.',
  },
  {
    key: 'time',
    type: { kind: 'object', fields: timeFields },
    description: 'json / logfmt: where the time is (default: the first of time, ts, timestamp, @timestamp).',
  },
  {
    key: 'timeout',
    type: duration({ positive: true }),
    default: '5m',
    description: '`command`: how long one read may run before it fails.',
  },
];

/** Check keys only checks on logs sources use. */
export const logsCheckFields: readonly FieldDef[] = [
  {
    key: 'signatures',
    type: nonEmptyString,
    description:
      'Logs sources: a selector of error lines (e.g. `{level=~"error|fatal"}`), grouped by message signature (numbers, ids, hex and quoted values masked); one series of lines per second per signature.',
  },
  {
    key: 'message',
    type: nonEmptyString,
    description: 'Logs sources, `signatures`: the message field (default: msg, then message, then the whole line).',
  },
  {
    key: 'by',
    type: { kind: 'list', item: labelName },
    description:
      'Logs sources: one series per value of these fields (ids, numbers and hashes in paths folded to `:id`), e.g. `[path]`.',
  },
];
