/** The first step of `run`: load the spec and get everything ready to wait and judge; nothing is judged. */
import type { CommandIO } from '../command-io.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { redact } from '../redact.js';
import { formatForPath, type ReportFormat } from '../reports/index.js';
import { wordNote } from '../reports/notes.js';
import { createSource, isSampledSourceSpec } from '../sources/index.js';
import { tlsEnvironmentWarnings } from '../sources/prometheus/tls-environment.js';
import type { Source } from '../sources/types.js';
import { loadSpec } from '../spec-file/load.js';
import type { Spec } from '../spec-model.js';
import { parseDeployTime } from '../time/parse-time.js';
import type { DetectedDeploy, RunNote } from '../types.js';
import { detectLastDeploy, detectSpecOf } from './detect-deploy.js';
import { planRun, type RunPlan } from './plan.js';
import type { RunOptions } from './run-options.js';
import { planSampling, withoutSampledChecks, type SamplingPlan } from './sampling/plan-sampling.js';
import type { Snapshot } from './sampling/snapshot-format.js';
import { prepareSampling } from './sampling/prepare-sampling.js';
import { watchSpecFaults, type SpecFault } from './spec-faults.js';

/** Everything a run needs before it waits: nothing has been judged yet. */
export interface PreparedRun {
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
  /** --deployed-at detect: how the deploy time was found. */
  detected?: DetectedDeploy;
}

/**
 * What a caller already knows when it prepares the run (`run ... -- <deploy command>`): the spec it
 * loaded, the moment the deploy command exited, and the baseline it sampled before the deploy.
 */
export interface PreparedAround {
  spec: Spec;
  deployedAt: number;
  /** The baseline of the sampled sources, taken before the deploy (in place of --baseline-from). */
  snapshot?: { path: string; value: Snapshot };
}

export async function prepareRun(
  specPath: string,
  options: RunOptions,
  io: CommandIO,
  around?: PreparedAround,
): Promise<PreparedRun> {
  const loaded = around?.spec ?? (await loadSpec(specPath, { vars: options.var, env: io.env }));
  // A --notify URL is a secret like the spec's own (a Slack URL carries its token).
  const spec =
    options.notify !== undefined && options.notify.length > 0
      ? { ...loaded, secrets: [...loaded.secrets, ...options.notify] }
      : loaded;
  // Free text (messages, progress, --dry-run) is redacted as text; reports are redacted as data.
  const out = redactingIO(io, spec.secrets);
  const environment = tlsEnvironmentWarnings(io.env).map((text): RunNote => ({ kind: 'environment', text }));
  for (const note of environment) out.stderr(`warning: ${wordNote(note)}\n`);
  const reports = options.report.map((path) => ({ path, format: formatForPath(path) }));
  // Before anything is fetched: a report that cannot be written is a usage error now, not a lost verdict later.
  for (const report of reports) await checkOutputPath(report.path, '--report');
  const detected =
    around === undefined && options.deployedAt === 'detect' && !options.dryRun
      ? await detectLastDeploy(spec, io.now(), io.signal)
      : undefined;
  if (detected !== undefined) out.stderr(`deploy time detected on ${detected.source}: ${detected.detail}\n`);
  if (options.deployedAt === 'detect' && options.dryRun) {
    const detect = detectSpecOf(spec, '--deployed-at detect');
    out.stderr(
      `--dry-run: the deploy time would be detected with \`${detect.query ?? detect.match ?? ''}\` on source "${detect.source}"; the windows below use now\n`,
    );
  }
  const deployedAt =
    around?.deployedAt ??
    detected?.at ??
    Math.floor(
      parseDeployTime(
        options.deployedAt === 'detect' ? 'now' : (options.deployedAt ?? spec.deploy.at ?? 'now'),
        io.now(),
        options.deployedAt !== undefined ? '--deployed-at' : 'deploy.at',
      ),
    );
  // Checks on sources without history are sampled now (src/gate/sampling/); the rest are range queries.
  const probes =
    around?.snapshot !== undefined
      ? planSampling(spec, around.snapshot)
      : await prepareSampling(spec, options.baselineFrom, { deployedAt, now: io.now() }, options.dryRun);
  const rangeSpec = withoutSampledChecks(spec);
  const plan = planRun(rangeSpec, deployedAt);
  const sources: Record<string, Source> = {};
  const specFaults: SpecFault[] = [];
  for (const [name, sourceSpec] of Object.entries(spec.sources))
    if (!isSampledSourceSpec(sourceSpec)) sources[name] = watchSpecFaults(name, createSource(sourceSpec), specFaults);
  return {
    spec,
    out,
    environment,
    reports,
    deployedAt,
    probes,
    rangeSpec,
    plan,
    sources,
    specFaults,
    ...(detected !== undefined ? { detected } : {}),
  };
}

/** Streams for free text (messages, progress, --dry-run) that never let a redactable secret through. */
function redactingIO(io: CommandIO, secrets: string[]): Pick<CommandIO, 'stdout' | 'stderr'> {
  return {
    stdout: (text) => io.stdout(redact(text, secrets)),
    stderr: (text) => io.stderr(redact(text, secrets)),
  };
}
