/** Verdict order: the worst verdict of a group wins (as Argo Rollouts' analysisStatusOrder). */
import type { Verdict } from '../types.js';

const SEVERITY: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2 };

/** The worst of the verdicts (fail > inconclusive > pass); `empty` when there are none. */
export function worstVerdict(verdicts: readonly Verdict[], empty: Verdict): Verdict {
  if (verdicts.length === 0) return empty;
  return verdicts.reduce((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst));
}
