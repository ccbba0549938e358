/** `verify-deploy run`: load the spec, plan, wait for the post window, judge, report. */
import { appendFile } from 'node:fs/promises';
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { redact, redactDeep } from '../redact.js';
import { formatForPath, renderReport, type ReportFormat, type StdoutFormat } from '../reports/index.js';
import { wordNote } from '../reports/notes.js';
import { createSource, isSampledSourceSpec } from '../sources/index.js';
import { tlsEnvironmentWarnings } from '../sources/prometheus/tls-environment.js';
import type { Source } from '../sources/types.js';
import { loadSpec } from '../spec-file/load.js';
import type { Spec } from '../spec-model.js';
import { parseDeployTime } from '../time/parse-time.js';
import type { RunNote } from '../types.js';
import { assembleRun, type JudgedPart } from './assemble-result.js';
import { deliverReports } from './deliver-reports.js';
import { renderDryRun } from './dry-run.js';
import { createEarlyStopWatch } from './early-stop.js';
import { judgeStoppedEarly } from './early-stop-judge.js';
import { readRange } from './execute.js';
import type { InconclusivePolicy } from './inconclusive-policy.js';
import { clipPlanToNow } from './partial.js';
import { planRun, type RunPlan } from './plan.js';
import { judgeWithSampled } from './sampling/judge-with-sampled.js';
import { renderSamplingDryRun, withoutSampledChecks, type SamplingPlan } from './sampling/plan-sampling.js';
import { prepareSampling } from './sampling/prepare-sampling.js';
import { watchSpecFaults, type SpecFault } from './spec-faults.js';
import { waitForPostWindow } from './wait.js';
import { waitLimit } from './wait-limit.js';

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
    run.out.stdout(renderDryRun(run.rangeSpec, run.plan, run.sources) + renderSamplingDryRun(run.probes));
    return ExitCode.pass;
  }
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
  // Files first, stdout last, so stdout names any report that could not be written; none changes the exit code.
  // Written as rendered: the result was redacted as data above (src/redact.ts).
  const delivered = await deliverReports(result, run.reports, { env: io.env, stderr: run.out.stderr, appendFile });
  io.stdout(renderReport(options.format, delivered, { color: io.color, unicode: io.unicode }));
  return result.exitCode;
}

/** Everything a run needs before it waits: nothing has been judged yet. */
interface PreparedRun {
  spec: Spec;
  out: Pick<CommandIO, 'stdout' | 'stderr'>;
  environment: RunNote[];
  reports: { path: string; format: ReportFormat }[];
  deployedAt: number;
  probes: SamplingPlan;
  rangeSpec: Spec;
  plan: RunPlan;
  sources: Record<string, Source>;
  /** Filled while the sources are read: the requests the backends refused as the spec's fault. */
  specFaults: SpecFault[];
}

async function prepareRun(specPath: string, options: RunOptions, io: CommandIO): Promise<PreparedRun> {
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  // Free text (messages, progress, --dry-run) is redacted as text; reports are redacted as data.
  const out = redactingIO(io, spec.secrets);
  const environment = tlsEnvironmentWarnings(io.env).map((text): RunNote => ({ kind: 'environment', text }));
  for (const note of environment) out.stderr(`warning: ${wordNote(note)}\n`);
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
  const probes = await prepareSampling(spec, options.baselineFrom, { deployedAt, now: io.now() });
  const rangeSpec = withoutSampledChecks(spec);
  const plan = planRun(rangeSpec, deployedAt);
  const sources: Record<string, Source> = {};
  const specFaults: SpecFault[] = [];
  for (const [name, sourceSpec] of Object.entries(spec.sources))
    if (!isSampledSourceSpec(sourceSpec)) sources[name] = watchSpecFaults(name, createSource(sourceSpec), specFaults);
  return { spec, out, environment, reports, deployedAt, probes, rangeSpec, plan, sources, specFaults };
}

/** Wait for the post window (or less), judge the range checks and the sampled ones: the parts of the result. */
async function judgeParts(run: PreparedRun, options: RunOptions, io: CommandIO): Promise<JudgedPart[]> {
  const { plan, sources } = run;
  // While waiting, critical count checks are tested sequentially and may end the wait (early-stop.ts).
  const watch = options.earlyStop === false ? null : createEarlyStopWatch(plan, sources, io.signal, io.now);
  const limit = waitLimit(plan.readyAt, io.now(), options);
  const judgeRange = async (): Promise<JudgedPart> => {
    const post = { start: plan.windows.post.start, end: plan.windows.post.end };
    const outcome = await waitForPostWindow(limit.until, { ...io, stderr: run.out.stderr }, post, watch ?? undefined);
    const stopped = watch?.decision();
    if (outcome === 'stopped' && stopped) return judgeStoppedEarly(plan, sources, stopped, io.signal);
    if (outcome === 'interrupted') {
      // Interrupted while waiting: the data up to now, with a short deadline.
      const signal = AbortSignal.timeout(PARTIAL_READ_SECONDS * 1000);
      const part = await readRange(clipPlanToNow(plan, io.now()), sources, signal);
      return { ...part, cutShort: { kind: 'interrupted' } };
    }
    if (io.now() < plan.readyAt && limit.why !== null) {
      // --max-wait or --no-wait before the post window ended: the data so far.
      const part = await readRange(clipPlanToNow(plan, io.now()), sources, io.signal);
      return { ...part, cutShort: { kind: 'wait-limit', limit: limit.why, judgedAt: io.now(), readyAt: plan.readyAt } };
    }
    return readRange(plan, sources, io.signal);
  };
  return judgeWithSampled(run.probes, run.rangeSpec.checks.length > 0 ? judgeRange : undefined, {
    startAt: run.deployedAt + run.spec.deploy.warmup,
    signal: io.signal,
    now: io.now,
    stderr: run.out.stderr,
  });
}

/** Streams for free text (messages, progress, --dry-run) that never let a redactable secret through. */
function redactingIO(io: CommandIO, secrets: string[]): Pick<CommandIO, 'stdout' | 'stderr'> {
  return {
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
}
