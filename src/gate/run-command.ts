/** `verify-deploy run`: load the spec, plan, wait for the post window, judge, report. */
import { appendFile } from 'node:fs/promises';
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { redactDeep } from '../redact.js';
import { renderReport } from '../reports/index.js';
import { assembleRun } from './assemble-result.js';
import { deliverReports } from './deliver-reports.js';
import { renderDryRun } from './dry-run.js';
import { judgeParts } from './judge-parts.js';
import { notifyRun, notifyUrls } from './notify.js';
import { prepareRun, type PreparedRun } from './prepare-run.js';
import type { RunResult } from '../types.js';
import type { RunOptions } from './run-options.js';
import { renderSamplingDryRun } from './sampling/plan-sampling.js';

export type { RunOptions } from './run-options.js';

/**
 * Run the gate and return the exit code; spec and usage errors are thrown (exit 2). Four steps:
 * prepare (spec, reports, deploy time, sampling, plan, sources), judge (wait for the post window
 * and judge it, or what the wait left, with the sampled checks), assemble (src/gate/assemble-result.ts:
 * one result, one exit code), deliver (report files, then stdout).
 */
export async function runCommand(specPath: string, options: RunOptions, io: CommandIO): Promise<number> {
  const startedAt = io.now();
  const run = await prepareRun(specPath, options, io);
  if (options.dryRun) {
    run.out.stdout(renderDryRun(run.rangeSpec, run.plan, run.sources) + renderSamplingDryRun(run.probes, run.spec));
    return ExitCode.pass;
  }
  const result = await judgePrepared(run, options, io, startedAt);
  const delivered = await deliverRun(run, result, options, io);
  await notifyRun(
    { urls: notifyUrls(run.spec.notify, options.notify), result: delivered, reports: options.report },
    run.out.stderr,
  );
  return result.exitCode;
}

/** Wait for the post window, judge it, and assemble the redacted result of a prepared run. */
export async function judgePrepared(
  run: PreparedRun,
  options: RunOptions,
  io: CommandIO,
  startedAt: number,
): Promise<RunResult> {
  const parts = await judgeParts(run, options, io);
  // Redacted as data, before rendering: the renderers then escape the masks like any text, and
  // no secret, however short, can rewrite a key, a verdict or the markup (src/redact.ts).
  const result = redactDeep(
    assembleRun(parts, {
      ...(run.spec.name !== undefined ? { name: run.spec.name } : {}),
      deployedAt: run.deployedAt,
      startedAt,
      now: io.now,
      order: run.spec.checks.map((c) => c.name),
      environment: run.environment,
      specFaults: { faults: run.specFaults, plan: run.plan },
      ...(options.onInconclusive !== undefined ? { onInconclusive: options.onInconclusive } : {}),
    }),
    run.spec.secrets,
  );
  return run.detected !== undefined ? { ...result, detected: redactDeep(run.detected, run.spec.secrets) } : result;
}

/** The reports of a judged run: files first, then stdout; none changes the exit code. */
export async function deliverRun(
  run: { reports: PreparedRun['reports']; out: { stderr: (text: string) => void } },
  result: RunResult,
  options: RunOptions,
  io: CommandIO,
): Promise<RunResult> {
  // Files first, stdout last, so stdout names any report that could not be written; none changes the exit code.
  // Written as rendered: the result was redacted as data above (src/redact.ts).
  const delivered = await deliverReports(result, run.reports, { env: io.env, stderr: run.out.stderr, appendFile });
  io.stdout(renderReport(options.format, delivered, { color: io.color, unicode: io.unicode }));
  return delivered;
}
