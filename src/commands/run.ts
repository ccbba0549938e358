/** `verify-deploy run`: load the spec, plan, wait for the post window, judge, report. */
import { writeFile } from 'node:fs/promises';
import type { CommandIO } from '../cli/io.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { OutputFormat } from '../cli/options.js';
import { UsageError } from '../errors.js';
import { redact, redactDeep } from '../redact.js';
import { formatForPath, renderReport, type ReportFormat } from '../report/index.js';
import { renderDryRun } from '../run/dry-run.js';
import { executeRun } from '../run/execute.js';
import { clipPlanToNow, markInterrupted } from '../run/partial.js';
import { planRun, type RunPlan } from '../run/plan.js';
import { waitForPostWindow } from '../run/wait.js';
import { createSource } from '../sources/index.js';
import type { Source } from '../sources/types.js';
import { loadSpec } from '../spec/load.js';
import { parseDeployTime } from '../time/parse-time.js';
import type { RunResult } from '../types.js';

/** How long an interrupted run may spend reading the data it has so far. */
const PARTIAL_READ_SECONDS = 10;

export interface RunOptions {
  deployedAt?: string;
  format: OutputFormat;
  report: string[];
  var: Record<string, string>;
  dryRun: boolean;
  onInconclusive?: 'fail' | 'pass';
}

/** Run the gate and return the exit code; spec and usage errors are thrown (exit 2). */
export async function runCommand(specPath: string, options: RunOptions, io: CommandIO): Promise<number> {
  const startedAt = io.now();
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  const out = redactingIO(io, spec.secrets);
  const reports = options.report.map((path) => ({ path, format: formatForPath(path) }));
  const deployedAt = Math.floor(
    parseDeployTime(options.deployedAt ?? spec.deploy.at ?? 'now', io.now(), options.deployedAt !== undefined ? '--deployed-at' : 'deploy.at'),
  );
  const plan = planRun(spec, deployedAt);
  const sources: Record<string, Source> = {};
  for (const [name, sourceSpec] of Object.entries(spec.sources)) sources[name] = createSource(sourceSpec);

  if (options.dryRun) {
    out.stdout(renderDryRun(spec, plan, sources));
    return ExitCode.pass;
  }
  const finished = await waitForPostWindow(plan.readyAt, { ...io, stderr: out.stderr });
  const judged = finished ? await executeRun(spec.name, plan, sources, io.signal, startedAt, io.now) : await judgeSoFar(spec.name, plan, sources, startedAt, io);
  // Redacted before rendering: HTML and JUnit escape text, which would hide a secret from redact().
  const result = redactDeep(applyInconclusivePolicy(judged, options.onInconclusive), spec.secrets);
  out.stdout(renderReport(options.format, result, { color: io.color }));
  for (const report of reports) await writeReport(report.path, report.format, result, spec.secrets);
  return result.exitCode;
}

/** Interrupted while waiting: judge the data up to now, with a short deadline, and never pass. */
async function judgeSoFar(name: string | undefined, plan: RunPlan, sources: Record<string, Source>, startedAt: number, io: CommandIO): Promise<RunResult> {
  const partial = await executeRun(name, clipPlanToNow(plan, io.now()), sources, AbortSignal.timeout(PARTIAL_READ_SECONDS * 1000), startedAt, io.now);
  return markInterrupted(partial, 'interrupted before the post window ended');
}

/** --on-inconclusive maps an inconclusive run to exit 1 or 0; the verdict itself stays inconclusive. */
function applyInconclusivePolicy(result: RunResult, policy: RunOptions['onInconclusive']): RunResult {
  if (result.verdict !== 'inconclusive' || policy === undefined) return result;
  return { ...result, exitCode: policy === 'fail' ? ExitCode.fail : ExitCode.pass };
}

async function writeReport(path: string, format: ReportFormat, result: RunResult, secrets: string[]): Promise<void> {
  try {
    await writeFile(path, redact(renderReport(format, result, { color: false }), secrets));
  } catch (error) {
    throw new UsageError(`cannot write the report ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Streams that never let a resolved secret through, whatever a message or report contains. */
function redactingIO(io: CommandIO, secrets: string[]): Pick<CommandIO, 'stdout' | 'stderr'> {
  return {
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
}
