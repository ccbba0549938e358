/**
 * How many events a count check's change cost: "about 340 more failed requests than the baseline
 * rate predicts, 95% CI 280-410". The expected events are what the baseline's rate predicts for
 * the candidate's traffic (windows compared independently: n_c x_b / n_b; paired by step: X / theta,
 * theta the paired rate ratio, so the shared traffic mix cancels as in the test). The excess is the
 * candidate's events minus them.
 *
 * Its interval accounts for what makes the expected count uncertain: the baseline rate is an
 * estimate from x_b events (relative variance D_b / x_b, D_b its long-run dispersion), and the
 * post window would have varied by itself with no change at all (variance D_c mu, the dispersion of
 * the candidate's side times the expected count mu). Var(excess) = D_c mu + mu^2 D_b / x_b, and
 * the interval is the normal one at the check's confidence (two-sided: 95% at the default).
 * With no baseline events the rate can only be bounded: mu is at most the rate of 3 events
 * (the 95% Poisson upper bound of 0 is 3.0), scaled by the dispersion.
 */
import type { Impact } from '../../types.js';
import { normalQuantile } from '../stats/normal.js';

/** The events of a comparison and the dispersions that widen the interval. */
export interface CountImpactInput {
  /** Candidate events since the deploy (raw, not deflated). */
  events: number;
  /** Events the baseline rate predicts for them. */
  expected: number;
  /** Baseline events the expected count's rate rests on (raw). */
  baselineEvents: number;
  /** Candidate trials over baseline trials, used when the baseline had no events. */
  trialRatio: number;
  dispersion: [number, number];
  /** Two-sided confidence of the interval (the check's confidence). */
  confidence: number;
}

/** The 95% Poisson upper bound of a count of 0 (rounded): -ln(0.05). */
const ZERO_UPPER = 3.0;

/** Excess events with their interval. */
export function countImpact(input: CountImpactInput): Impact {
  const { events, expected, baselineEvents, trialRatio, confidence } = input;
  const [db, dc] = input.dispersion;
  if (baselineEvents <= 0) {
    const most = ZERO_UPPER * db * trialRatio;
    return {
      kind: 'excess-events',
      excess: events,
      interval: [events - most, events],
      confidence,
      expected: 0,
      events,
    };
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const sd = Math.sqrt(dc * expected + (expected * expected * db) / baselineEvents);
  const excess = events - expected;
  return {
    kind: 'excess-events',
    excess,
    interval: [excess - z * sd, excess + z * sd],
    confidence,
    expected,
    events,
  };
}
