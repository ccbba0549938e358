/**
 * Which checks the looks watch while `run` waits: critical checks (only they can stop a run) with a
 * one-sided direction, in before/after mode (early-stop-watched.ts isWatched). One rule for the
 * looks, the backtest's replay of them, and what validate and --dry-run say.
 */
import type { CheckSpec } from '../spec-model.js';

/** Why a before/after check is not watched while `run` waits, or null when it is. */
export function whyNotWatched(check: CheckSpec): string | null {
  if (!check.critical) return 'a non-critical check cannot stop a run';
  if (check.direction === 'either') return 'direction: either is not watched';
  return null;
}
