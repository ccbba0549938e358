/**
 * --on-inconclusive maps an inconclusive run to exit 1 or 0; the verdict itself stays inconclusive.
 * `pass` maps only a run that was inconclusive for too little data: a critical check whose source
 * could not be read (down, timed out, a garbled answer, interrupted before the read) measured
 * nothing, and a gate that never reached its backend must not pass. Nor does a run whose post
 * window was cut short (interrupted, --max-wait, --no-wait): an aborted run never passes. Such a
 * run stays exit 3 and says why. The cause is read from data (`errorKind`, `cutShort`), never from
 * wording.
 */
import type { CheckResult, RunNote } from '../types.js';

export type InconclusivePolicy = 'fail' | 'pass';

/**
 * Why --on-inconclusive pass keeps an inconclusive run at exit 3 (exitCodeFor decides the code):
 * its post window was cut short (`cutShort`, worded), or critical checks could not read their
 * source (`unread`); no note when too little data was the cause.
 */
export function inconclusivePolicyNote(cutShort: string | undefined, unread: readonly CheckResult[]): RunNote[] {
  if (cutShort !== undefined) return [{ kind: 'inconclusive-policy', because: 'cut-short', cutShort }];
  const first = unread[0];
  if (first === undefined || first.errorKind === undefined) return [];
  return [
    {
      kind: 'inconclusive-policy',
      because: 'unread-source',
      checks: unread.map((c) => c.name),
      errorKind: first.errorKind,
    },
  ];
}
