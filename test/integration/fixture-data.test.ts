/**
 * The fixture day as Prometheus serves it, read without verify-deploy: if these fail, the data is
 * wrong, not the gate. Windows: baseline [deploy - 30m, deploy - 30s], post [deploy, deploy + 10m].
 */
import { loadHarnessState } from './harness/harness-state.js';
import { errorRatioQuery, p95Query, throughputQuery } from './harness/queries.js';
import { SCENARIOS, deploySeconds, type ScenarioName } from './harness/scenarios.js';
import { fetchWindowMean, fetchWindowMeans } from './harness/window-means.js';

const url = loadHarnessState().url;

/** Post-window mean divided by baseline-window mean of `query` for a scenario. */
async function changeRatio(name: ScenarioName, query: (selector: string) => string): Promise<number> {
  const deploy = deploySeconds(SCENARIOS[name]);
  const q = query(`job="${name}"`);
  const before = await fetchWindowMean(url, q, deploy - 1800, deploy - 30);
  const after = await fetchWindowMean(url, q, deploy, deploy + 600);
  expect(before.n).toBeGreaterThanOrEqual(55);
  expect(after.n).toBeGreaterThanOrEqual(19);
  return after.mean / before.mean;
}

describe('fixture data served by the real Prometheus', () => {
  test('latency-regression: the p95 about doubles after the deploy, errors stay', async () => {
    // All latencies x2: the interpolated p95 moves from ~0.24 s to ~0.45 s.
    expect(await changeRatio('latency-regression', (s) => p95Query(s))).toBeGreaterThan(1.6);
    const errors = await changeRatio('latency-regression', (s) => errorRatioQuery(s));
    expect(Math.abs(errors - 1)).toBeLessThan(0.15);
  });

  test('error-regression: the 5xx share goes from ~0.5% to ~5%', async () => {
    expect(await changeRatio('error-regression', (s) => errorRatioQuery(s))).toBeGreaterThan(6);
  });

  test.each(['healthy', 'counter-reset'] as const)('%s: nothing moves by more than the noise', async (name) => {
    expect(Math.abs((await changeRatio(name, (s) => p95Query(s))) - 1)).toBeLessThan(0.03);
    expect(Math.abs((await changeRatio(name, (s) => throughputQuery(s))) - 1)).toBeLessThan(0.05);
    expect(Math.abs((await changeRatio(name, (s) => errorRatioQuery(s))) - 1)).toBeLessThan(0.15);
  });

  test('counter-reset: the raw counters really drop to zero at the deploy', async () => {
    const deploy = deploySeconds(SCENARIOS['counter-reset']);
    const resets = await fetchWindowMean(
      url,
      'sum(resets(http_requests_total{job="counter-reset",code="200"}[2m]))',
      deploy + 60,
      deploy + 60,
    );
    // 2 instances x 3 routes restart once each.
    expect(resets.mean).toBe(6);
  });

  test('within-tolerance: the p95 rises, but by less than 5%', async () => {
    const ratio = await changeRatio('within-tolerance', (s) => p95Query(s));
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.05);
  });

  test('multi-route: only /pay gets slower', async () => {
    const deploy = deploySeconds(SCENARIOS['multi-route']);
    const query = p95Query('job="multi-route"', 'route');
    const before = await fetchWindowMeans(url, query, deploy - 1800, deploy - 30);
    const after = await fetchWindowMeans(url, query, deploy, deploy + 600);
    const ratios: Record<string, number> = {};
    for (const [key, side] of Object.entries(before)) {
      ratios[(JSON.parse(key) as { route: string }).route] = (after[key]?.mean ?? NaN) / side.mean;
    }
    expect(Object.keys(ratios).sort()).toEqual(['/cart', '/checkout', '/pay', '/search']);
    for (const [route, ratio] of Object.entries(ratios)) {
      if (route === '/pay') expect(ratio).toBeGreaterThan(1.6);
      else expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
    }
  });

  test.each([
    ['canary', 10],
    ['canary-healthy', 1],
  ] as const)('%s: canary errors are %ix the stable ones', async (name, factor) => {
    const deploy = deploySeconds(SCENARIOS[name]);
    const stable = await fetchWindowMean(url, errorRatioQuery(`job="${name}",track="stable"`), deploy, deploy + 600);
    const canary = await fetchWindowMean(url, errorRatioQuery(`job="${name}",track="canary"`), deploy, deploy + 600);
    expect(canary.n).toBeGreaterThanOrEqual(19);
    expect(canary.mean / stable.mean).toBeGreaterThan(factor * 0.8);
    expect(canary.mean / stable.mean).toBeLessThan(factor * 1.2);
  });

  test('no-post-data: no rate can be computed a minute after the deploy', async () => {
    const deploy = deploySeconds(SCENARIOS['no-post-data']);
    const q = throughputQuery('job="no-post-data"');
    expect((await fetchWindowMean(url, q, deploy - 1800, deploy - 30)).n).toBeGreaterThanOrEqual(55);
    expect((await fetchWindowMean(url, q, deploy + 60, deploy + 600)).n).toBe(0);
  });
});
