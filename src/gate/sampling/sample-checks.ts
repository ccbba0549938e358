/**
 * Run the probe checks: wait for the warmup after the deploy, sample every source (side by side
 * with its baselineUrl, or alone against a snapshot), and judge each check. No process access.
 */
import { sleep } from '../../sources/sample-schedule.js';
import type { Sampling } from '../../sources/sampled-types.js';
import type { CheckResult } from '../../types.js';
import { collectSources } from './collect-samples.js';
import { judgeSampledCheck } from './judge-sampled-check.js';
import type { SamplingPlan } from './plan-sampling.js';

export interface SamplingContext {
  /** Unix seconds at which sampling may start (deploy + warmup). */
  startAt: number;
  signal: AbortSignal;
  now: () => number;
  stderr: (text: string) => void;
}

/** The judged probe checks (not yet Holm-adjusted: judgeRun does that over the whole run). */
export interface SamplingOutcome {
  checks: CheckResult[];
  baseline: { start: number; end: number };
  post: { start: number; end: number };
  interrupted: boolean;
}

/** Sample and judge; an interrupt judges what was taken (the caller then never passes the run). */
export async function sampleChecks(plan: SamplingPlan, context: SamplingContext): Promise<SamplingOutcome> {
  const wait = context.startAt - context.now();
  if (wait > 0) {
    context.stderr(`waiting ${Math.ceil(wait)}s for the warmup to end before sampling\n`);
    await sleep(wait * 1000, context.signal);
  }
  const collected = await collectSources(plan.sources, plan.checks, context.signal, context.stderr);
  const baselines: Sampling[] = [];
  const candidates: Sampling[] = [];
  const checks = plan.checks.map((check) => {
    const sides = collected[check.source] ?? {};
    const sideBySide = sides.baselineUrl !== undefined;
    const baseline = sides.baselineUrl ?? plan.snapshot?.value.sources[check.source];
    const candidate = sides.url;
    if (baseline === undefined || candidate === undefined) throw new Error(`bug: no samples for check "${check.name}"`);
    baselines.push(baseline);
    candidates.push(candidate);
    return judgeSampledCheck(
      check,
      plan.sources.find((s) => s.spec.name === check.source)?.spec.type ?? '',
      baseline,
      candidate,
      sideBySide ? 'canary' : 'before-after',
    );
  });
  return {
    checks,
    baseline: spanOf(baselines),
    post: spanOf(candidates),
    interrupted: context.signal.aborted,
  };
}

function spanOf(samplings: Sampling[]): { start: number; end: number } {
  if (samplings.length === 0) return { start: 0, end: 0 };
  return { start: Math.min(...samplings.map((s) => s.startedAt)), end: Math.max(...samplings.map((s) => s.endedAt)) };
}
