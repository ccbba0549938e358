/** The fixture generator itself: deterministic, and OpenMetrics that promtool accepts by construction. */
import { renderOpenMetrics } from './harness/render-openmetrics.js';
import { SCENARIOS, deploySeconds } from './harness/scenarios.js';
import { simulateScenario } from './harness/simulate.js';

const text = renderOpenMetrics(simulateScenario(SCENARIOS['counter-reset']));
const samples = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

test('the same scenario renders to the same bytes (seeded PRNG, no Math.random)', () => {
  expect(renderOpenMetrics(simulateScenario(SCENARIOS['counter-reset']))).toBe(text);
});

test('one # TYPE per family and # EOF last', () => {
  expect(text.match(/^# TYPE .*$/gm)).toEqual([
    '# TYPE http_requests counter',
    '# TYPE http_request_duration_seconds histogram',
  ]);
  expect(text.endsWith('# EOF\n')).toBe(true);
});

test('every series is in time order, one scrape every 15 s', () => {
  const lastTime = new Map<string, number>();
  for (const line of samples) {
    const [series, , time] = line.split(' ');
    const t = Number(time);
    const previous = lastTime.get(series ?? '');
    if (previous !== undefined) expect(t - previous).toBe(15);
    lastTime.set(series ?? '', t);
  }
  // 2 instances x 3 routes x (3 status codes + 12 buckets + count + sum)
  expect(lastTime.size).toBe(6 * 17);
});

test('counter-reset: each counter drops once, at the first scrape at or after the deploy', () => {
  const deploy = deploySeconds(SCENARIOS['counter-reset']);
  const last = new Map<string, number>();
  const drops: number[] = [];
  for (const line of samples.filter((l) => l.startsWith('http_requests_total'))) {
    const [series = '', value, time] = line.split(' ');
    const previous = last.get(series);
    if (previous !== undefined && Number(value) < previous) drops.push(Number(time) - deploy);
    last.set(series, Number(value));
  }
  // 18 counters (6 targets x 3 codes) minus those still at 0 before the deploy can not drop.
  expect(drops.length).toBeGreaterThanOrEqual(12);
  expect(drops.every((offset) => offset >= 0 && offset < 15)).toBe(true);
});
