/**
 * The one place a run's result is built. The run's paths (a whole post window, an early stop, an
 * interrupt, --max-wait / --no-wait, sampled sources) each hand over parts: judged checks, notes
 * as data, their windows and, when cut short, why. Here the checks of every part are
 * Holm-adjusted as one run, the checks of a part cut short can no longer pass, the verdict is the
 * worst critical check's, refused queries and --on-inconclusive are weighed, and exitCodeFor
 * (src/exit-code.ts) gives the exit code.
 */
import { exitCodeFor } from '../exit-code.js';
import { adjustRun, verdictOf } from '../judge/index.js';
import { wordCutShort } from '../reports/notes.js';
import { formatTime } from '../time/format-time.js';
import type { SequentialFamily } from '../judge/sequential/alpha-split.js';
import type { CheckResult, CutShortCause, RunNote, RunResult } from '../types.js';
import type { InconclusivePolicy } from './inconclusive-policy.js';
import { inconclusivePolicyNote } from './inconclusive-policy.js';
import { markCutShort } from './partial.js';
import type { RunPlan } from './plan.js';
import { specFaultNotes, type SpecFault } from './spec-faults.js';

type Span = { start: number; end: number };

/** What one path of the run judged. */
export interface JudgedPart {
  /** As judged, before Holm's adjustment over the run. */
  checks: CheckResult[];
  /** The part's notes (backend warnings, dense points, spec warnings, snapshot). */
  notes: RunNote[];
  windows?: { baseline: Span & { offset?: number }; post: Span };
  /** Set when the part's post window was judged before it ended: none of its checks may pass. */
  cutShort?: CutShortCause;
  /** Set when looks watched the part's checks: the family they split alpha over (weighted Holm). */
  sequential?: SequentialFamily;
}

export interface AssembleContext {
  name?: string;
  deployedAt: number;
  /** When the command started and the clock, for durationSeconds. */
  startedAt: number;
  now: () => number;
  /** Check names in spec order, so the report lists checks as the spec does. */
  order?: readonly string[];
  /** Notes about the environment, listed before the run's own. */
  environment?: readonly RunNote[];
  /** Queries or credentials the backends refused, and the plan that says which checks read them. */
  specFaults?: { faults: readonly SpecFault[]; plan: RunPlan };
  onInconclusive?: InconclusivePolicy;
}

/** The run's result from its judged parts. */
export function assembleRun(parts: readonly JudgedPart[], context: AssembleContext): RunResult {
  const owned = parts.flatMap((part) => part.checks.map((check) => ({ check, cutShort: part.cutShort })));
  if (context.order !== undefined) {
    const position = new Map(context.order.map((name, i) => [name, i]));
    owned.sort((a, b) => (position.get(a.check.name) ?? 0) - (position.get(b.check.name) ?? 0));
  }
  // Holm once over the whole run, then the parts cut short lose their passes: marking after the
  // adjustment keeps it from re-deciding (and un-marking) them.
  const adjusted = adjustRun(
    owned.map((o) => o.check),
    parts.find((p) => p.sequential !== undefined)?.sequential,
  );
  const checks = adjusted.map((check, i) => {
    const cause = owned[i]!.cutShort;
    return cause === undefined ? check : markCutShort(check, wordCutShort(cause));
  });
  const judged = verdictOf(checks);
  const faults = context.specFaults
    ? specFaultNotes(context.specFaults.faults, context.specFaults.plan)
    : { notes: [], gating: false };
  const causes = parts.flatMap((p) => (p.cutShort !== undefined ? [p.cutShort] : [])).reverse();
  const cutShort = causes.length > 0 ? wordCutShort(causes[0]!) : undefined;
  const unread = checks.filter((c) => c.critical && c.verdict === 'inconclusive' && c.errorKind !== undefined);
  const policy =
    judged.verdict === 'inconclusive' && context.onInconclusive === 'pass'
      ? inconclusivePolicyNote(cutShort, unread)
      : [];
  const windows = parts.find((p) => p.windows !== undefined)?.windows ?? {
    baseline: { start: 0, end: 0 },
    post: { start: 0, end: 0 },
  };
  return {
    version: 1,
    ...(context.name !== undefined ? { name: context.name } : {}),
    // A refused query of a critical check measured nothing: never pass.
    verdict: faults.gating && judged.verdict === 'pass' ? 'inconclusive' : judged.verdict,
    exitCode: exitCodeFor({
      verdict: judged.verdict,
      criticalSpecFault: faults.gating,
      cutShort: cutShort !== undefined,
      unreadCriticalSource: unread.length > 0,
      ...(context.onInconclusive !== undefined ? { onInconclusive: context.onInconclusive } : {}),
    }),
    deployedAt: formatTime(context.deployedAt),
    windows: {
      baseline: {
        start: formatTime(windows.baseline.start),
        end: formatTime(windows.baseline.end),
        ...(windows.baseline.offset !== undefined ? { offset: windows.baseline.offset } : {}),
      },
      post: { start: formatTime(windows.post.start), end: formatTime(windows.post.end) },
    },
    checks,
    notes: [
      ...faults.notes,
      ...policy,
      ...(context.environment ?? []),
      ...causes.map((cause): RunNote => ({ kind: 'cut-short', cause })),
      ...judged.notes,
      ...parts.flatMap((p) => p.notes),
    ],
    durationSeconds: Math.round((context.now() - context.startedAt) * 1000) / 1000,
    ...(cutShort !== undefined ? { cutShort } : {}),
  };
}
