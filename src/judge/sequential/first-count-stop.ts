/**
 * When the live looks would have stopped a count check, for a post window already complete: the
 * looks of look-series.ts replayed after every candidate step. Each look needs the candidate's
 * dispersion (dispersion.ts), a Pearson chi-square against the prefix's own pooled rate; it is
 * kept in O(1) per step from prefix sums, since sum (e - n r)^2 / n = sum e^2/n - 2 r sum e +
 * r^2 sum n. The step the scan finds is confirmed with `lookAtSeries` itself, so the look returned
 * is exactly the one the live run would have made.
 */
import { DEFAULT_MIN_TRAFFIC } from '../count/classify-counts.js';
import { sumSteps, type CountSide, type CountStep } from '../count/count-series.js';
import { inTimeOrder } from '../clean.js';
import { estimateDispersion } from '../count/dispersion.js';
import { decideDeflated, lookAtSeries, type SeriesLook } from './look-series.js';
import { stepsByTime } from '../count/long-run-dispersion.js';
import { sequentialDispersionsOf, sequentialPersistence, withLongRun } from './sequential-dispersion.js';

/** The check settings the replay reads; minTraffic as in the spec (default 100). */
export interface CountStopCheck {
  direction: 'increase' | 'decrease';
  tolerance: number;
  minTraffic?: number;
}

/** The first stop: unix seconds of the candidate step after which the look stopped, and that look. */
export interface CountStop {
  at: number;
  look: SeriesLook;
}

/** Running sums of a growing side, enough for its totals and its Pearson chi-square. */
class RunningDispersion {
  events = 0;
  trials = 0;
  private usedSteps = 0;
  private usedEvents = 0;
  private usedTrials = 0;
  private squares = 0;

  add(step: CountStep): void {
    this.events += step.events;
    this.trials += step.trials;
    if (step.trials > 0) {
      this.usedSteps++;
      this.usedEvents += step.events;
      this.usedTrials += step.trials;
      this.squares += (step.events * step.events) / step.trials;
    }
  }

  /** What estimateDispersion would return for the steps added so far. */
  estimate(): { chi2: number; df: number; dispersion: number } {
    const rate = this.trials > 0 ? this.events / this.trials : 0;
    const df = this.usedSteps - 1;
    if (df < 1 || rate <= 0 || rate >= 1) return { chi2: 0, df: Math.max(df, 0), dispersion: 1 };
    const chi2 = Math.max(
      0,
      (this.squares - 2 * rate * this.usedEvents + rate * rate * this.usedTrials) / (rate * (1 - rate)),
    );
    return { chi2, df, dispersion: Math.max(1, chi2 / df) };
  }
}

/** Replay the looks over the candidate's steps (in time order); null when none stops. */
export function firstCountStop(
  check: CountStopCheck,
  baselineSide: CountSide,
  candidateSide: CountSide,
  alpha: number,
  span = 0,
): CountStop | null {
  const minTraffic = check.minTraffic ?? DEFAULT_MIN_TRAFFIC;
  const steps = inTimeOrder(candidateSide.steps);
  const b = estimateDispersion(baselineSide.steps);
  const baseline = sumSteps(baselineSide);
  if (baseline.trials < minTraffic) return null;
  const fit = sequentialPersistence(baselineSide.steps);
  const baselineSteps = stepsByTime(baselineSide.steps).length;
  const running = new RunningDispersion();
  // Distinct times with traffic so far (several pods pooled share a time): the steps of the long run.
  let times = 0;
  let lastTime = NaN;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    running.add(step);
    if (step.trials > 0 && step.t !== lastTime) {
      times++;
      lastTime = step.t;
    }
    if (running.trials < minTraffic) continue;
    const dispersions = withLongRun(sequentialDispersionsOf(b, running.estimate()), fit, baselineSteps, times);
    const seen = decideDeflated(check, baseline, running, dispersions, alpha);
    if (!seen.stop) continue;
    // Confirm with the live look on the prefix: rounding in the running sums must not decide.
    const prefix: CountSide = { ...candidateSide, steps: steps.slice(0, i + 1) };
    const look = lookAtSeries(check, baselineSide, prefix, alpha, span);
    if (look.stop) return { at: steps[i]!.t, look };
  }
  return null;
}
