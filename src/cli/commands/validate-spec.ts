/** `verify-deploy validate`: load the spec offline; the loader throws SpecError with every issue. */
import type { CommandIO } from '../../command-io.js';
import { ExitCode } from '../../exit-code.js';
import { loadSpec } from '../../spec-file/load.js';
import { findSpecWarnings } from '../../spec-file/spec-warnings.js';
import { sanitizeText } from '../../sanitize-text.js';
import { describeSampledDecisions } from '../../gate/sampling/describe-sampling.js';
import { describeHistoryUse } from '../../gate/history-plan.js';
import { describeRatioWatch } from '../../gate/ratio-counts.js';

export interface ValidateOptions {
  var: Record<string, string>;
}

/** Validate the spec and say what it holds; errors are thrown as SpecError (exit 2). */
export async function validateCommand(specPath: string, options: ValidateOptions, io: CommandIO): Promise<number> {
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  // Warnings quote check names: one escaped line each, as in the reports.
  for (const warning of findSpecWarnings(spec)) io.stderr(`warning: ${sanitizeText(warning)}\n`);
  const sources = Object.keys(spec.sources).length;
  io.stdout(
    `${specPath}: valid (${spec.checks.length} check${spec.checks.length === 1 ? '' : 's'}, ` +
      `${sources} source${sources === 1 ? '' : 's'})\n`,
  );
  // What the planned samples of sources without history can decide (one escaped line each).
  for (const line of describeSampledDecisions(spec)) io.stdout(`${sanitizeText(line)}\n`);
  for (const line of describeHistoryUse(spec)) io.stdout(`${sanitizeText(line)}\n`);
  for (const line of spec.checks.flatMap(describeRatioWatch)) io.stdout(`${sanitizeText(line)}\n`);
  return ExitCode.pass;
}
