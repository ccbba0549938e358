/**
 * The time axis of a check's charts. Before/after: one clock from the baseline through the deploy
 * to the post window (a snapshot read before the deploy too). Side by side (canary, or a baseline
 * URL probed at the same time): both sides over the same clock. A baseline moved to another time of
 * day (`baseline.offset`, which the run's windows carry): drawn shifted onto the post window's
 * clock, with a note saying so, instead of a chart that is mostly gap.
 */
import { formatDuration } from '../../../time/duration.js';
import type { Point, RunResult } from '../../../types.js';

export type TimelineMode = 'before-after' | 'side-by-side' | 'shifted-baseline';

export interface Timeline {
  mode: TimelineMode;
  /** The axis, unix seconds. */
  start: number;
  end: number;
  /** Seconds added to every baseline time before it is drawn (0 unless the baseline was shifted). */
  baselineShift: number;
  /** The deploy time, when it is on the axis. */
  deployAt: number | null;
  /** Deploy to post-window start (not judged), clipped to the axis; null when empty or off the axis. */
  warmup: [number, number] | null;
  /** What the reader must know to read the axis, or null. */
  note: string | null;
}

interface Extent {
  start: number;
  end: number;
}

function extentOf(points: readonly Point[]): Extent | null {
  let start = Infinity;
  let end = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.t) || !Number.isFinite(p.v)) continue;
    start = Math.min(start, p.t);
    end = Math.max(end, p.t);
  }
  return start === Infinity ? null : { start, end };
}

function union(extents: Array<Extent | null>): Extent | null {
  const present = extents.filter((e): e is Extent => e !== null);
  if (present.length === 0) return null;
  return { start: Math.min(...present.map((e) => e.start)), end: Math.max(...present.map((e) => e.end)) };
}

function seconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * How the baseline relates to the deploy, from what the run says, never from the gap between the
 * sides (a run stopped early has a one-point candidate, a snapshot may be read minutes before the
 * deploy): side by side when the baseline was sampled after the deploy (canary, a baseline URL),
 * shifted when `baseline.offset` moved it to another time of day, else one before/after clock.
 */
function chooseMode(baseline: Extent | null, deployAt: number, offset: number | undefined): TimelineMode {
  if (offset !== undefined && offset > 0) return 'shifted-baseline';
  if (baseline !== null && baseline.start >= deployAt) return 'side-by-side';
  return 'before-after';
}

/** Plan the axis for charts of these series in this run; null when no side has a finite point. */
export function planTimeline(
  run: Pick<RunResult, 'deployedAt' | 'windows'>,
  sides: ReadonlyArray<{ baseline: readonly Point[]; candidate: readonly Point[] }>,
): Timeline | null {
  const baseline = union(sides.map((s) => extentOf(s.baseline)));
  const candidate = union(sides.map((s) => extentOf(s.candidate)));
  const deployAt = seconds(run.deployedAt);
  const postStart = seconds(run.windows.post.start);
  const offset = run.windows.baseline.offset;
  const mode = chooseMode(baseline, deployAt, offset);
  // The offset baseline ends `offset` before the post window ends: moved by it, the two end together.
  const shift = mode === 'shifted-baseline' ? (offset as number) : 0;
  const shifted = baseline === null ? null : { start: baseline.start + shift, end: baseline.end + shift };
  const data = union([shifted, candidate]);
  if (data === null || !Number.isFinite(deployAt)) return null;
  // The deploy belongs on the axis unless it lies further before the data than the data is long.
  const span = Math.max(data.end - data.start, 1);
  const showDeploy = deployAt >= data.start - span && deployAt <= data.end + span;
  const start = showDeploy ? Math.min(data.start, deployAt) : data.start;
  const end = Math.max(showDeploy && Number.isFinite(postStart) ? Math.max(data.end, postStart) : data.end, start + 1);
  const warmupEnd = Math.min(postStart, end);
  const warmup: [number, number] | null = showDeploy && warmupEnd > deployAt ? [deployAt, warmupEnd] : null;
  return {
    mode,
    start,
    end,
    baselineShift: shift,
    deployAt: showDeploy ? deployAt : null,
    warmup,
    note: describeMode(mode, shift, showDeploy, run.deployedAt),
  };
}

function describeMode(mode: TimelineMode, shift: number, showDeploy: boolean, deployedAt: string): string | null {
  const notes: string[] = [];
  if (mode === 'side-by-side') notes.push('Baseline and candidate were sampled over the same window, side by side.');
  if (mode === 'shifted-baseline') {
    notes.push(
      `The baseline was read ${formatDuration(Math.round(shift))} earlier (baseline.offset) and is drawn shifted by that much, onto the candidate's clock.`,
    );
  }
  if (!showDeploy) notes.push(`The deploy (${deployedAt}) lies outside the charted time.`);
  return notes.length === 0 ? null : notes.join(' ');
}
