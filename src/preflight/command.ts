/** `verify-deploy check`: read every query of the spec over a short recent range, before anyone relies on it. */
import { withHistoryChecksOnly } from '../gate/sampling/plan-sampling.js';
import type { CommandIO } from '../command-io.js';
import { tryQuery } from './try-query.js';
import { planSampling } from './plan-queries.js';
import { renderCheckHuman, renderCheckJson } from './render-check.js';
import type { CheckReport, QueryTest } from './types.js';
import { UsageError } from '../errors.js';
import { redact, redactDeep } from '../redact.js';
import { createSource } from '../sources/index.js';
import { tlsEnvironmentWarnings } from '../sources/prometheus/tls-environment.js';
import type { Source } from '../sources/types.js';
import { parseDuration } from '../time/duration.js';
import { loadSpec } from '../spec-file/load.js';
import { formatTime } from '../time/format-time.js';

export interface CheckOptions {
  var: Record<string, string>;
  format: 'human' | 'json';
  /** How far back to read, e.g. `10m`. */
  range: string;
}

/** 0 when every query returned enough data for a verdict, 2 when one was refused as written, 3 otherwise. */
export function exitCodeOf(queries: QueryTest[]): 0 | 2 | 3 {
  if (queries.some((q) => q.status === 'refused')) return 2;
  return queries.every((q) => q.status === 'ok') ? 0 : 3;
}

/** Run the check and return the exit code; spec and usage errors are thrown (exit 2). */
export async function checkCommand(specPath: string, options: CheckOptions, io: CommandIO): Promise<number> {
  const rangeSeconds = parseDuration(options.range);
  if (rangeSeconds === undefined || rangeSeconds <= 0) {
    throw new UsageError(`--range "${options.range}" is not a duration: write it like 10m or 1h`);
  }
  // Sources without history (HTTP probes, scrapes) have no past to read: their checks are left out, and said.
  const { spec, skipped } = withHistoryChecksOnly(
    await loadSpec(specPath, { vars: options.var, env: io.env }),
    'check',
  );
  const warnings = [...skipped, ...tlsEnvironmentWarnings(io.env)];
  for (const warning of warnings) io.stderr(redact(`warning: ${warning}\n`, spec.secrets));
  const sources: Record<string, Source> = {};
  for (const [name, sourceSpec] of Object.entries(spec.sources)) sources[name] = createSource(sourceSpec);
  const now = Math.floor(io.now()); // whole seconds: the range prints and aligns cleanly
  const planned = planSampling(spec, now, rangeSeconds);
  const queries = await Promise.all(
    planned.map((probe) => {
      const source = sources[probe.check.source];
      if (!source) throw new Error(`no source named "${probe.check.source}" (the spec loader should have refused it)`);
      return tryQuery(spec, probe, source, io.signal, now);
    }),
  );
  const report: CheckReport = {
    version: 1,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    range: { start: formatTime(now - rangeSeconds), end: formatTime(now), seconds: rangeSeconds },
    exitCode: io.signal.aborted ? 3 : exitCodeOf(queries),
    queries,
    warnings: io.signal.aborted ? ['interrupted: some queries were not read', ...warnings] : warnings,
  };
  // Redacted as data before rendering, so no secret can rewrite the JSON's keys.
  const safe = redactDeep(report, spec.secrets);
  io.stdout(options.format === 'json' ? renderCheckJson(safe) : renderCheckHuman(safe));
  return report.exitCode;
}
