/**
 * The fixture day: one scenario per `job`, each with its own deploy time on 2026-01-15, and what
 * the gate must say about it. The generator, the data sanity test and the CLI tests all read this.
 */

export type ExpectedVerdict = 'pass' | 'fail' | 'inconclusive';

/** How one fleet of instances behaves on one side of the deploy. */
export interface Behaviour {
  /** Every latency is multiplied by this (2 doubles the p95). */
  latencyFactor: number;
  /** Share of requests answered 5xx. */
  errorRate: number;
}

/** A group of instances sharing labels, e.g. the stable and the canary track. */
export interface Fleet {
  labels: Record<string, string>;
  instances: number;
  before: Behaviour;
  after: Behaviour;
  /** Overrides `after` for single routes (only /pay regresses in multi-route). */
  afterByRoute?: Record<string, Behaviour>;
  /** Overrides `before` for single routes. */
  beforeByRoute?: Record<string, Behaviour>;
  /** Canary pods exist only from the deploy on. */
  startsAtDeploy?: boolean;
}

/** One check the test puts in the scenario's spec, and the verdict it must reach. */
export interface CheckPlan {
  name: string;
  metric: 'errorRatio' | 'errorRate' | 'p95' | 'throughput';
  direction: 'increase' | 'decrease';
  tolerance: string;
  /** Per-series query: `sum by (<by>)`. */
  by?: string;
  /** Canary mode: track="stable" as baseline against track="canary", both over the post window. */
  canary?: boolean;
  expected: ExpectedVerdict;
  /** With `by`: the only series whose verdict is fail. */
  failingSeries?: Record<string, string>[];
}

export interface Scenario {
  job: string;
  deployedAt: string;
  description: string;
  routes: readonly string[];
  fleets: Fleet[];
  /** Multiplies every route's request rate (default 1): a busier service, less noisy ratios. */
  trafficFactor?: number;
  /** Every instance restarts at the deploy: counters drop to 0 and climb again. */
  restartAtDeploy?: boolean;
  /** No samples at or after the deploy. */
  stopsAtDeploy?: boolean;
  /**
   * A status code's counter is exposed from its first request on, as client libraries create a
   * labelled child at its first use: a code a route never answered has no series at all.
   */
  lazyCodeSeries?: boolean;
  /** Data starts this long before the deploy (default DATA_BEFORE_DEPLOY_SECONDS), for offset baselines. */
  dataBeforeDeploySeconds?: number;
  /** Multiplies every latency at time t (unix seconds) on both sides of the deploy: a time-of-day pattern. */
  latencyPattern?: (t: number) => number;
  checks: CheckPlan[];
  expected: { verdict: ExpectedVerdict; exitCode: 0 | 1 | 3 };
}

export const SCRAPE_INTERVAL_SECONDS = 15;
/** Data starts this long before each deploy: the 30m baseline plus room for rate()'s range. */
export const DATA_BEFORE_DEPLOY_SECONDS = 35 * 60;
/** Data ends this long after each deploy: the 10m post window plus a margin. */
export const DATA_AFTER_DEPLOY_SECONDS = 15 * 60;

const normal: Behaviour = { latencyFactor: 1, errorRate: 0.005 };
const routes3 = ['/checkout', '/cart', '/search'] as const;
// An error ratio at 0.5% of ~150 req/s moves about 15% from one 1m rate to the next, so its
// tolerance is wider than the latency's; the 10x regressions clear it many times over.
const errorRatio = (expected: ExpectedVerdict): CheckPlan => ({
  name: 'error ratio',
  metric: 'errorRatio',
  direction: 'increase',
  tolerance: '25%',
  expected,
});
const p95 = (expected: ExpectedVerdict): CheckPlan => ({
  name: 'p95 latency',
  metric: 'p95',
  direction: 'increase',
  tolerance: '10%',
  expected,
});
const throughput = (expected: ExpectedVerdict): CheckPlan => ({
  name: 'throughput',
  metric: 'throughput',
  direction: 'decrease',
  tolerance: '10%',
  expected,
});
const oneFleet = (after: Behaviour): Fleet[] => [{ labels: {}, instances: 2, before: normal, after }];
const canaryFleets = (canaryErrorRate: number): Fleet[] => [
  { labels: { track: 'stable' }, instances: 2, before: normal, after: normal },
  {
    labels: { track: 'canary' },
    instances: 1,
    startsAtDeploy: true,
    before: normal,
    after: { latencyFactor: 1, errorRate: canaryErrorRate },
  },
];
const canaryChecks = (errors: ExpectedVerdict): CheckPlan[] => [
  { ...errorRatio(errors), name: 'canary error ratio', canary: true },
  { ...p95('pass'), name: 'canary p95 latency', canary: true },
];

/** Every scenario of the fixture day, keyed by its job label. */
export const SCENARIOS = {
  'latency-regression': {
    job: 'latency-regression',
    deployedAt: '2026-01-15T01:12:30Z',
    description: 'p95 latency doubles after the deploy',
    routes: routes3,
    fleets: oneFleet({ latencyFactor: 2, errorRate: 0.005 }),
    checks: [p95('fail'), errorRatio('pass')],
    expected: { verdict: 'fail', exitCode: 1 },
  },
  'error-regression': {
    job: 'error-regression',
    deployedAt: '2026-01-15T03:12:30Z',
    description: '5xx share goes from 0.5% to 5%',
    routes: routes3,
    fleets: oneFleet({ latencyFactor: 1, errorRate: 0.05 }),
    checks: [errorRatio('fail'), p95('pass')],
    expected: { verdict: 'fail', exitCode: 1 },
  },
  healthy: {
    job: 'healthy',
    deployedAt: '2026-01-15T05:12:30Z',
    description: 'same distributions before and after',
    routes: routes3,
    fleets: oneFleet(normal),
    checks: [errorRatio('pass'), p95('pass'), throughput('pass')],
    expected: { verdict: 'pass', exitCode: 0 },
  },
  'within-tolerance': {
    job: 'within-tolerance',
    deployedAt: '2026-01-15T07:12:30Z',
    // Bucket interpolation damps the shift: the p95 from the histogram moves by about 1%.
    description: 'every latency +3%, inside a 10% tolerance',
    routes: routes3,
    fleets: oneFleet({ latencyFactor: 1.03, errorRate: 0.005 }),
    checks: [p95('pass')],
    expected: { verdict: 'pass', exitCode: 0 },
  },
  'multi-route': {
    job: 'multi-route',
    deployedAt: '2026-01-15T09:12:30Z',
    description: 'four routes, only /pay gets twice as slow',
    routes: ['/checkout', '/cart', '/search', '/pay'],
    fleets: [
      {
        labels: {},
        instances: 2,
        before: normal,
        after: normal,
        afterByRoute: { '/pay': { latencyFactor: 2, errorRate: 0.005 } },
      },
    ],
    checks: [{ ...p95('fail'), name: 'p95 latency by route', by: 'route', failingSeries: [{ route: '/pay' }] }],
    expected: { verdict: 'fail', exitCode: 1 },
  },
  canary: {
    job: 'canary',
    deployedAt: '2026-01-15T11:12:30Z',
    description: 'stable and canary run side by side; the canary has 10x the errors',
    routes: routes3,
    fleets: canaryFleets(0.05),
    trafficFactor: 4,
    checks: canaryChecks('fail'),
    expected: { verdict: 'fail', exitCode: 1 },
  },
  'canary-healthy': {
    job: 'canary-healthy',
    deployedAt: '2026-01-15T13:12:30Z',
    description: 'stable and canary run side by side and behave the same',
    // 4x the traffic: canary and stable are compared over the 10m post window only, so each side
    // needs enough errors for the ratio to sit well inside the tolerance (about +-3% here).
    routes: routes3,
    fleets: canaryFleets(0.005),
    trafficFactor: 4,
    checks: canaryChecks('pass'),
    expected: { verdict: 'pass', exitCode: 0 },
  },
  'counter-reset': {
    job: 'counter-reset',
    deployedAt: '2026-01-15T15:12:30Z',
    description: 'every instance restarts at the deploy; distributions unchanged',
    routes: routes3,
    fleets: oneFleet(normal),
    restartAtDeploy: true,
    checks: [errorRatio('pass'), p95('pass'), throughput('pass')],
    expected: { verdict: 'pass', exitCode: 0 },
  },
  'no-post-data': {
    job: 'no-post-data',
    deployedAt: '2026-01-15T17:12:30Z',
    description: 'the series stop at the deploy: nothing to judge',
    routes: routes3,
    fleets: oneFleet(normal),
    stopsAtDeploy: true,
    checks: [errorRatio('inconclusive')],
    expected: { verdict: 'inconclusive', exitCode: 3 },
  },
  'hourly-pattern': {
    job: 'hourly-pattern',
    deployedAt: '2026-01-15T19:12:30Z',
    // A scheduled job slows every request by half for the first 20 minutes of each hour, and the
    // deploy lands at such a start: before/after sees a regression that an hour earlier also had.
    // `baseline.offset: 1h` (baseline-offset.test.ts) compares like with like and passes.
    description: 'latency x1.5 for 20 minutes every hour, from the deploy time on and an hour before',
    routes: routes3,
    fleets: oneFleet(normal),
    dataBeforeDeploySeconds: 70 * 60,
    latencyPattern: (t: number) =>
      (((t - Date.parse('2026-01-15T19:12:30Z') / 1000) % 3600) + 3600) % 3600 < 1200 ? 1.5 : 1,
    checks: [p95('fail')],
    expected: { verdict: 'fail', exitCode: 1 },
  },
  'new-error-series': {
    job: 'new-error-series',
    deployedAt: '2026-01-15T21:12:30Z',
    // The most common shape of a broken deploy: /pay had no errors before, so `sum by (route, code)`
    // has no /pay series in the baseline at all; after the deploy /pay answers 5% 5xx.
    description: '/pay starts answering 5xx after the deploy; before it, it never had one',
    routes: ['/checkout', '/cart', '/search', '/pay'],
    lazyCodeSeries: true,
    fleets: [
      {
        labels: {},
        instances: 2,
        before: normal,
        after: normal,
        beforeByRoute: { '/pay': { latencyFactor: 1, errorRate: 0 } },
        afterByRoute: { '/pay': { latencyFactor: 1, errorRate: 0.05 } },
      },
    ],
    checks: [
      {
        name: 'errors by route and code',
        metric: 'errorRate',
        direction: 'increase',
        tolerance: '25%',
        by: 'route, code',
        expected: 'fail',
      },
    ],
    expected: { verdict: 'fail', exitCode: 1 },
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** All scenarios as a list, in the order of the day. */
export const SCENARIO_LIST: Scenario[] = Object.values(SCENARIOS);

/** Unix seconds of a scenario's deploy. */
export function deploySeconds(scenario: Scenario): number {
  return Date.parse(scenario.deployedAt) / 1000;
}
