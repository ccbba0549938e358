/** `type: logs`: access and application logs (files or a command's output), read over past windows by each line's time. */
import type { RangeSourceKind } from '../source-kind.js';
import { buildLogsCheck, buildLogsSource, logsCheckQueries } from './build.js';
import { LOGS_MODE_KEYS, logsCheckFields, logsSourceFields } from './fields.js';
import { logsCheckSchemas, validateLogsCheck, validateLogsDetect, validateLogsSource } from './rules.js';
import { createLogsSource } from './source.js';
import type { LogsSourceSpec } from './spec.js';
import { logsStarter } from './starter.js';

export const logsKind = {
  type: 'logs',
  summary: "access and application log files (or a command printing them), read by each line's time",
  history: 'range',
  fields: logsSourceFields,
  reference: [
    { title: 'Logs sources (`sources.<name>` with `type: logs`)', path: 'sources.<name>.', fields: logsSourceFields },
  ],
  checkModeKeys: LOGS_MODE_KEYS,
  checkFields: logsCheckFields,
  checkSchemas: logsCheckSchemas,
  validateSource: validateLogsSource,
  validateCheck: validateLogsCheck,
  validateDetect: validateLogsDetect,
  buildSource: buildLogsSource,
  buildCheck: buildLogsCheck,
  checkQueries: logsCheckQueries,
  create: (spec) => createLogsSource(spec),
  starter: logsStarter,
} satisfies RangeSourceKind<LogsSourceSpec>;
