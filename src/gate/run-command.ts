/** `verify-deploy run`: load the spec, plan, wait for the post window, judge, report. */
import { appendFile } from 'node:fs/promises';
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { redact, redactDeep } from '../redact.js';
import { formatForPath, renderReport, type StdoutFormat } from '../reports/index.js';
import { renderDryRun } from './dry-run.js';
import { executeRun } from './execute.js';
import { clipPlanToNow, markInterrupted } from './partial.js';
import { planRun, type RunPlan } from './plan.js';
import { applySpecFaults, watchSpecFaults, type SpecFault } from './spec-faults.js';
import { waitForPostWindow } from './wait.js';
import { waitLimit } from './wait-limit.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { deliverReports } from './deliver-reports.js';
import { applyInconclusivePolicy, type InconclusivePolicy } from './inconclusive-policy.js';
import { formatTime } from '../time/format-time.js';
import { createEarlyStopWatch } from './early-stop.js';
import { judgeStoppedEarly } from './early-stop-judge.js';
import { createSource, isSampledSourceSpec } from '../sources/index.js';
import { judgeWithSampled } from './sampling/judge-with-sampled.js';
import { renderSamplingDryRun, withoutSampledChecks } from './sampling/plan-sampling.js';
import { prepareSampling } from './sampling/prepare-sampling.js';
import { tlsEnvironmentWarnings } from '../sources/prometheus/tls-environment.js';
import type { Source } from '../sources/types.js';
import { loadSpec } from '../spec-file/load.js';
import { parseDeployTime } from '../time/parse-time.js';
import type { RunResult } from '../types.js';

/** How long an interrupted run may spend reading the data it has so far. */
const PARTIAL_READ_SECONDS = 10;

export interface RunOptions {
  deployedAt?: string;
  format: StdoutFormat;
  report: string[];
  var: Record<string, string>;
  dryRun: boolean;
  onInconclusive?: InconclusivePolicy;
  /** A snapshot (`verify-deploy snapshot`) as the baseline of the sources without history. */
  baselineFrom?: string;
  /** false (--no-early-stop): wait for the whole post window even when a regression is certain. */
  earlyStop?: boolean;
  /** false (--no-wait): judge the data already there instead of waiting for the post window. */
  wait?: boolean;
  /** --max-wait, in seconds: wait at most this long, then judge the data so far. */
  maxWait?: number;
}

/** Run the gate and return the exit code; spec and usage errors are thrown (exit 2). */
export async function runCommand(specPath: string, options: RunOptions, io: CommandIO): Promise<number> {
  const startedAt = io.now();
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  // Free text (messages, progress, --dry-run) is redacted as text; reports are redacted as data below.
  const out = redactingIO(io, spec.secrets);
  const environmentWarnings = tlsEnvironmentWarnings(io.env);
  for (const warning of environmentWarnings) out.stderr(`warning: ${warning}\n`);
  const reports = options.report.map((path) => ({ path, format: formatForPath(path) }));
  // Before anything is fetched: a report that cannot be written is a usage error now, not a lost verdict later.
  for (const report of reports) await checkOutputPath(report.path, '--report');
  const deployedAt = Math.floor(
    parseDeployTime(
      options.deployedAt ?? spec.deploy.at ?? 'now',
      io.now(),
      options.deployedAt !== undefined ? '--deployed-at' : 'deploy.at',
    ),
  );
  // Checks on sources without history are sampled now (src/gate/sampling/); the rest are range queries.
  const probes = await prepareSampling(spec, options.baselineFrom, { deployedAt, now: io.now() }, options.dryRun);
  const rangeSpec = withoutSampledChecks(spec);
  const plan = planRun(rangeSpec, deployedAt);
  const sources: Record<string, Source> = {};
  const specFaults: SpecFault[] = [];
  for (const [name, sourceSpec] of Object.entries(spec.sources))
    if (!isSampledSourceSpec(sourceSpec)) sources[name] = watchSpecFaults(name, createSource(sourceSpec), specFaults);

  if (options.dryRun) {
    out.stdout(renderDryRun(rangeSpec, plan, sources) + renderSamplingDryRun(probes, spec));
    return ExitCode.pass;
  }
  // While waiting, critical count checks are tested sequentially and may end the wait (early-stop.ts).
  const watch = options.earlyStop === false ? null : createEarlyStopWatch(plan, sources, io.signal, io.now);
  const limit = waitLimit(plan.readyAt, io.now(), options);
  const judgeRange = async (): Promise<RunResult> => {
    const post = { start: plan.windows.post.start, end: plan.windows.post.end };
    const outcome = await waitForPostWindow(limit.until, { ...io, stderr: out.stderr }, post, watch ?? undefined);
    const stopped = watch?.decision();
    if (outcome === 'stopped' && stopped)
      return judgeStoppedEarly(spec.name, plan, sources, stopped, io.signal, startedAt, io.now);
    if (outcome === 'interrupted') return judgeSoFar(spec.name, plan, sources, startedAt, io);
    if (io.now() < plan.readyAt && limit.why !== null)
      return judgeCutShort(spec.name, plan, sources, startedAt, io, limit.why);
    return executeRun(spec.name, plan, sources, io.signal, startedAt, io.now);
  };
  const samplingContext = {
    deployedAt,
    startAt: deployedAt + spec.deploy.warmup,
    startedAt,
    signal: io.signal,
    now: io.now,
    stderr: out.stderr,
    order: spec.checks.map((c) => c.name),
  };
  const judged = await judgeWithSampled(probes, rangeSpec.checks.length > 0 ? judgeRange : undefined, {
    ...samplingContext,
    ...(spec.name !== undefined ? { name: spec.name } : {}),
  });
  // Redacted as data, before rendering: the renderers then escape the masks like any text, and
  // no secret, however short, can rewrite a key, a verdict or the markup (src/redact.ts).
  const flagged = { ...judged, warnings: [...environmentWarnings, ...judged.warnings] };
  const result = redactDeep(
    applySpecFaults(applyInconclusivePolicy(flagged, options.onInconclusive), specFaults, plan),
    spec.secrets,
  );
  // Files first, stdout last, so stdout names any report that could not be written; none changes the exit code.
  // Written as rendered: the result was redacted as data above (src/redact.ts).
  const delivered = await deliverReports(result, reports, { env: io.env, stderr: out.stderr, appendFile });
  io.stdout(renderReport(options.format, delivered, { color: io.color, unicode: io.unicode }));
  return result.exitCode;
}

/** Interrupted while waiting: judge the data up to now, with a short deadline, and never pass. */
async function judgeSoFar(
  name: string | undefined,
  plan: RunPlan,
  sources: Record<string, Source>,
  startedAt: number,
  io: CommandIO,
): Promise<RunResult> {
  const partial = await executeRun(
    name,
    clipPlanToNow(plan, io.now()),
    sources,
    AbortSignal.timeout(PARTIAL_READ_SECONDS * 1000),
    startedAt,
    io.now,
  );
  return markInterrupted(partial, 'interrupted before the post window ended');
}

/** Reached --max-wait (or --no-wait) before the post window ended: judge the data so far; nothing passes. */
async function judgeCutShort(
  name: string | undefined,
  plan: RunPlan,
  sources: Record<string, Source>,
  startedAt: number,
  io: CommandIO,
  why: string,
): Promise<RunResult> {
  const partial = await executeRun(name, clipPlanToNow(plan, io.now()), sources, io.signal, startedAt, io.now);
  return markInterrupted(
    partial,
    `${why}: judged at ${formatTime(Math.floor(io.now()))}, before the post window ended at ${formatTime(plan.readyAt)}`,
  );
}

/** Streams for free text (messages, progress, --dry-run) that never let a redactable secret through. */
function redactingIO(io: CommandIO, secrets: string[]): Pick<CommandIO, 'stdout' | 'stderr'> {
  return {
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
}
