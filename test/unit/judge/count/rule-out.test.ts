/**
 * Success checks on sampled sources (probes) pass on what the samples rule out: the candidate's
 * failure share, at its one-sided upper confidence bound, must stay within the baseline's share
 * plus an absolute margin (or the check's `max`). Each row: the failed probes of each side, the
 * expected verdict and why.
 */
import { classifyCountSeries } from '../../../../src/judge/count/classify-counts.js';
import type { CountSide } from '../../../../src/judge/count/count-series.js';
import type { Verdict } from '../../../../src/types.js';
import { describeRuleOutPlan, planCountRuleOut, SUCCESS_MARGIN } from '../../../../src/judge/count/rule-out.js';

/** `n` probes, one per step, the probes at indexes `failed` failing. */
function probes(n: number, failedEvery: number): CountSide {
  const steps = Array.from({ length: n }, (_, i) => ({
    t: i,
    events: failedEvery > 0 && (i + 1) % failedEvery === 0 ? 1 : 0,
    trials: 1,
  }));
  return { labels: {}, steps, dropped: 0, zeroFilled: 0 };
}

const check = (extra: { max?: number } = {}) => ({
  direction: 'increase' as const,
  tolerance: 0.1,
  confidence: 0.95,
  minTraffic: 5,
  margin: SUCCESS_MARGIN,
  ...extra,
});

const rows: { name: string; b: CountSide; c: CountSide; max?: number; verdict: Verdict; why: string }[] = [
  {
    name: 'steady 1% failures, 200 probes each',
    b: probes(200, 100),
    c: probes(200, 100),
    verdict: 'pass',
    why: '2 of 200 failed: the share is at most 3.1% (95%), within 1% + 5 points',
  },
  {
    name: 'clean endpoint, 200 probes each',
    b: probes(200, 0),
    c: probes(200, 0),
    verdict: 'pass',
    why: '0 of 200: the share is at most 1.5%, within 0 + 5 points (before: "no events", inconclusive)',
  },
  {
    name: 'clean endpoint, 20 probes each',
    b: probes(20, 0),
    c: probes(20, 0),
    verdict: 'inconclusive',
    why: '0 of 20 leaves a share up to 13.9%: a rise beyond 5 points is not ruled out',
  },
  {
    name: 'failures up to 20%',
    b: probes(200, 100),
    c: probes(200, 5),
    verdict: 'fail',
    why: '40 of 200 against 2 of 200: significant and far beyond tolerance',
  },
  {
    name: 'steady 1% with a max of 3%',
    b: probes(200, 100),
    c: probes(200, 100),
    max: 0.03,
    verdict: 'inconclusive',
    why: 'the bound 3.1% is above max 3%: the samples cannot rule out a share above max',
  },
];

describe('success checks pass on what the samples rule out', () => {
  it.each(rows)('$name: $verdict ($why)', ({ b, c, max, verdict }) => {
    const result = classifyCountSeries(check(max === undefined ? {} : { max }), {}, b, c);
    expect(result.verdict).toBe(verdict);
    if (verdict === 'pass') expect(result.reason).toMatch(/at most .* \(95% upper bound\), within the allowed/);
    if (verdict === 'inconclusive') expect(result.reason).toMatch(/cannot rule out/);
  });

  it('the plan says what the planned samples rule out and detect', () => {
    const plan = planCountRuleOut(200, check());
    // At a 1% baseline (2 of 200) a candidate passes with up to 4 failures... within 6%.
    expect(plan.passUpTo).toBeGreaterThanOrEqual(4);
    expect(plan.failFrom).toBeGreaterThan(plan.passUpTo);
    expect(plan.failFrom).toBeLessThan(20);
    // 20 probes cannot let even a clean candidate pass.
    expect(planCountRuleOut(20, check()).passUpTo).toBe(-1);
    expect(planCountRuleOut(20, check()).samplesNeeded).toBeGreaterThan(20);
    expect(describeRuleOutPlan(planCountRuleOut(20, check()), check())).toMatch(
      /^against a baseline failing 1% \(0 of 20\) it cannot pass with 20 samples per side \(even 0 failures leave a share up to 13\.9%\), fails from \d+ of 20/,
    );
  });
});
