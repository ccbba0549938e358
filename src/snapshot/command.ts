/** `verify-deploy snapshot`: sample the sources without history now, as the baseline of a later `run --baseline-from`. */
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../errors.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { describeFileError } from '../output/describe-file-error.js';
import { writeFileAtomically } from '../output/write-file-atomically.js';
import { redact } from '../redact.js';
import { renderSnapshot, type Snapshot } from '../gate/sampling/snapshot-format.js';
import { shortHash } from '../gate/sampling/snapshot-spec-hash.js';
import { takeSnapshot } from './take-snapshot.js';
import { loadSpec } from '../spec-file/load.js';

export interface SnapshotOptions {
  out: string;
  var: Record<string, string>;
}

/** Take the snapshot and write it; spec and usage errors are thrown (exit 2). */
export async function snapshotCommand(specPath: string, options: SnapshotOptions, io: CommandIO): Promise<number> {
  const spec = await loadSpec(specPath, { vars: options.var, env: io.env });
  // Before sampling: a snapshot that could not be written would cost the baseline window for nothing.
  await checkOutputPath(options.out, '--out');
  const stderr = (text: string): void => io.stderr(redact(text, spec.secrets));
  const snapshot = await takeSnapshot(spec, io.signal, io.now, stderr);
  await writeSnapshotFile(options.out, snapshot);
  for (const line of describeFailures(snapshot)) stderr(`warning: ${line}\n`);
  io.stdout(redact(renderSummary(options.out, snapshot), spec.secrets));
  return ExitCode.pass;
}

/** Written whole or not at all (a full disk or a crash never leaves half a snapshot under the real name). */
export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  try {
    await writeFileAtomically(path, renderSnapshot(snapshot));
  } catch (error) {
    throw new UsageError(`cannot write the snapshot ${path}: ${describeFileError(error)}`);
  }
}

function renderSummary(path: string, snapshot: Snapshot): string {
  const lines = [`snapshot written to ${path} (taken ${snapshot.takenAt}, spec ${shortHash(snapshot.specHash)})`];
  for (const [name, sampling] of Object.entries(snapshot.sources)) {
    const failed = Object.values(sampling.failures).reduce((a, b) => a + b, 0);
    lines.push(`  ${name}: ${sampling.taken} samples, ${failed} failed`);
  }
  lines.push(`after the deploy: verify-deploy run <spec> --baseline-from ${path}`);
  return lines.join('\n') + '\n';
}

/** A baseline with failures is still a baseline, but the user should know before deploying. */
function describeFailures(snapshot: Snapshot): string[] {
  return Object.entries(snapshot.sources).flatMap(([name, sampling]) => {
    const entries = Object.entries(sampling.failures);
    return entries.length === 0
      ? []
      : [`source "${name}": ${entries.map(([why, n]) => `${n} x ${why}`).join(', ')} in the baseline`];
  });
}
