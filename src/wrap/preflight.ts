/**
 * Before anything is deployed, every query of the range checks is read once over the last few
 * minutes (the `check` command's query test): a query or credentials the backend refuses stop the
 * run as a spec error (exit 2), a source that cannot be read stops it as inconclusive (exit 3), and
 * nothing is deployed either way. Empty or sparse answers are warnings: the deploy may be what
 * brings the series. Sources without history are asked by the baseline sampling that follows.
 */
import type { CommandIO } from '../command-io.js';
import { SourceError, UsageError } from '../errors.js';
import { withoutSampledChecks } from '../gate/sampling/plan-sampling.js';
import { planSampling } from '../preflight/plan-queries.js';
import { tryQuery } from '../preflight/try-query.js';
import { createSource } from '../sources/index.js';
import type { Source } from '../sources/types.js';
import type { Spec } from '../spec-model.js';

/** How far back the preflight reads. */
const PREFLIGHT_SECONDS = 300;

export async function askEverySource(spec: Spec, io: CommandIO, stderr: (text: string) => void): Promise<void> {
  const rangeSpec = withoutSampledChecks(spec);
  const sources: Record<string, Source> = {};
  for (const check of rangeSpec.checks) {
    const sourceSpec = spec.sources[check.source];
    if (sourceSpec !== undefined && sources[check.source] === undefined)
      sources[check.source] = createSource(sourceSpec);
  }
  const now = Math.floor(io.now());
  const planned = planSampling(rangeSpec, now, PREFLIGHT_SECONDS);
  if (planned.length === 0) return;
  stderr(`preflight: reading ${planned.length} quer${planned.length === 1 ? 'y' : 'ies'} once before the deploy\n`);
  const tests = await Promise.all(
    planned.map((probe) => tryQuery(rangeSpec, probe, sources[probe.check.source] as Source, io.signal, now)),
  );
  const refused = tests.filter((t) => t.status === 'refused');
  if (refused.length > 0) {
    throw new UsageError(
      `nothing was deployed: ${refused.map((t) => `check "${t.check}" (${t.field}): ${t.error?.message ?? t.problems[0] ?? 'refused'}`).join('; ')}`,
    );
  }
  const unreadable = tests.filter((t) => t.status === 'unreadable');
  if (unreadable.length > 0) {
    const first = unreadable[0]!;
    throw new SourceError(
      `nothing was deployed: source "${first.source}" could not be read (${first.error?.message ?? 'no answer'})` +
        (unreadable.length > 1
          ? `, and ${unreadable.length - 1} other quer${unreadable.length === 2 ? 'y' : 'ies'}`
          : ''),
      { retryable: false, kind: first.error?.kind ?? 'network' },
    );
  }
  for (const t of tests)
    if (t.status !== 'ok')
      stderr(
        `warning: preflight: check "${t.check}" (${t.field}) is ${t.status} over the last ${PREFLIGHT_SECONDS / 60}m: ${t.problems[0] ?? 'too little data'}\n`,
      );
  if (io.signal.aborted) throw new UsageError('interrupted during the preflight: nothing was deployed');
}
